// The 政策解读 module's shared state: the value lists of its forms (loaded once) and a revision that moves
// whenever the Go side reports a change to interpretations or policies, so that open pages reload.
import { interpretationOptions, type InterpretationOptions } from '../api/interpretations'
import { Events } from '../api/events'
import { defineModuleStore } from './module'

const noOptions = (): InterpretationOptions => ({
  forms: [], statuses: [], textHeadings: [], blockKinds: [], mediaKinds: [], decisions: [], lagWorkdays: 3, exemptionRule: '同步起草', signerRules: [],
})

export { SETTLE_MS } from './module'

export const useInterpretationsStore = defineModuleStore(
  'interpretations',
  {
    events: [Events.InterpretationsChanged, Events.PoliciesChanged, Events.DataRestored],
    blank: noOptions,
    load: interpretationOptions,
  },
  ({ options }) => ({
    /** The Chinese name of a 图解 block kind. */
    blockLabel: (kind: string): string => options.value.blockKinds.find((k) => k.value === kind)?.label ?? kind,
  }),
)

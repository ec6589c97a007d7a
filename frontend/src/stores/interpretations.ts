// The 政策解读 module's shared state: the value lists of its forms (loaded once) and a revision that moves
// whenever the Go side reports a change to interpretations or policies, so that open pages reload.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { interpretationOptions, type InterpretationOptions } from '../api/interpretations'
import { Events } from '../api/events'
import { changeRevision, loadOnce } from './module'

const noOptions = (): InterpretationOptions => ({
  forms: [], statuses: [], textHeadings: [], blockKinds: [], mediaKinds: [], decisions: [], lagWorkdays: 3, exemptionRule: '同步起草', signerRules: [],
})

export { SETTLE_MS } from './module'

export const useInterpretationsStore = defineStore('interpretations', () => {
  const options = ref<InterpretationOptions>(noOptions())
  /** Bumped on every change event; pages watch it. */
  const { revision, listen } = changeRevision([Events.InterpretationsChanged, Events.PoliciesChanged, Events.DataRestored])
  const ensureOptions = loadOnce(async () => {
    options.value = await interpretationOptions()
  })

  /** The Chinese name of a 图解 block kind. */
  function blockLabel(kind: string): string {
    return options.value.blockKinds.find((k) => k.value === kind)?.label ?? kind
  }

  return { options, revision, ensureOptions, listen, blockLabel }
})

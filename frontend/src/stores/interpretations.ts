// The 政策解读 module's shared state: the value lists of its forms (loaded once) and a revision that moves
// whenever the Go side reports a change to interpretations or policies, so that open pages reload.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { interpretationOptions, type InterpretationOptions } from '../api/interpretations'
import { Events, onEvent } from '../api/events'

const noOptions = (): InterpretationOptions => ({
  forms: [], statuses: [], textHeadings: [], blockKinds: [], mediaKinds: [], decisions: [], lagWorkdays: 3, exemptionRule: '同步起草', signerRules: [],
})

/** How long change events must pause before pages reload. */
export const SETTLE_MS = 200

export const useInterpretationsStore = defineStore('interpretations', () => {
  const options = ref<InterpretationOptions>(noOptions())
  /** Bumped on every change event; pages watch it. */
  const revision = ref(0)
  let loading: Promise<void> | null = null
  let listening = false

  /** Loads the value lists once; a failure lets the next call try again. */
  function ensureOptions(): Promise<void> {
    if (!loading) {
      loading = interpretationOptions()
        .then((o) => void (options.value = o))
        .catch((e) => {
          loading = null
          throw e
        })
    }
    return loading
  }

  /** Subscribes to the change events once; a burst of events moves the revision once, after it stops. */
  function listen(): void {
    if (listening) return
    listening = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const bump = () => {
      clearTimeout(timer)
      timer = setTimeout(() => void revision.value++, SETTLE_MS)
    }
    for (const name of [Events.InterpretationsChanged, Events.PoliciesChanged, Events.DataRestored]) onEvent(name, bump)
  }

  /** The Chinese name of a 图解 block kind. */
  function blockLabel(kind: string): string {
    return options.value.blockKinds.find((k) => k.value === kind)?.label ?? kind
  }

  return { options, revision, ensureOptions, listen, blockLabel }
})

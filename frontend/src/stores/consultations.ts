// The 征求意见 module's shared state: the value lists of its forms (loaded once) and a revision that
// moves whenever the Go side reports a change to policies, consultations or comments, so that open
// pages reload what they show.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { consultationOptions, type ConsultationOptions } from '../api/consultations'
import { policyOptions, type PolicyOptions } from '../api/policies'
import { Events, onEvent } from '../api/events'

const noPolicyOptions = (): PolicyOptions => ({ categories: [], statuses: [], disclosureTypes: [], versionKinds: [] })
const noConsultationOptions = (): ConsultationOptions => ({
  channels: [], commenterCategories: [], decisions: [], statuses: [], minCommentDays: 30,
})

/** How long change events must pause before pages reload. */
export const SETTLE_MS = 200

export const useConsultationsStore = defineStore('consultations', () => {
  const policy = ref<PolicyOptions>(noPolicyOptions())
  const consultation = ref<ConsultationOptions>(noConsultationOptions())
  /** Bumped on every change event; pages watch it. */
  const revision = ref(0)
  let loading: Promise<void> | null = null
  let listening = false

  /** Loads the value lists once; later calls share the first. A failure lets the next call try again. */
  function ensureOptions(): Promise<void> {
    if (!loading) {
      loading = Promise.all([policyOptions(), consultationOptions()])
        .then(([p, c]) => {
          policy.value = p
          consultation.value = c
        })
        .catch((e) => {
          loading = null
          throw e
        })
    }
    return loading
  }

  /**
   * Subscribes to the change events once, for the life of the app. A batch decision sends one event per
   * comment, so events arriving together move the revision once, after they stop.
   */
  function listen(): void {
    if (listening) return
    listening = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const bump = () => {
      clearTimeout(timer)
      timer = setTimeout(() => void revision.value++, SETTLE_MS)
    }
    for (const name of [Events.PoliciesChanged, Events.ConsultationsChanged, Events.CommentsChanged, Events.DataRestored]) onEvent(name, bump)
  }

  return { policy, consultation, revision, ensureOptions, listen }
})

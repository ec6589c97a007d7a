// The 征求意见 module's shared state: the value lists of its forms (loaded once) and a revision that
// moves whenever the Go side reports a change to policies, consultations or comments, so that open
// pages reload what they show.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { consultationOptions, type ConsultationOptions } from '../api/consultations'
import { policyOptions, type PolicyOptions } from '../api/policies'
import { Events } from '../api/events'
import { changeRevision, loadOnce } from './module'

const noPolicyOptions = (): PolicyOptions => ({ categories: [], statuses: [], disclosureTypes: [], versionKinds: [] })
const noConsultationOptions = (): ConsultationOptions => ({
  channels: [], commenterCategories: [], decisions: [], statuses: [], minCommentDays: 30,
})

export { SETTLE_MS } from './module'

export const useConsultationsStore = defineStore('consultations', () => {
  const policy = ref<PolicyOptions>(noPolicyOptions())
  const consultation = ref<ConsultationOptions>(noConsultationOptions())
  /** Bumped on every change event; pages watch it. */
  const { revision, listen } = changeRevision([Events.PoliciesChanged, Events.ConsultationsChanged, Events.CommentsChanged, Events.DataRestored])
  const ensureOptions = loadOnce(async () => {
    ;[policy.value, consultation.value] = await Promise.all([policyOptions(), consultationOptions()])
  })

  return { policy, consultation, revision, ensureOptions, listen }
})

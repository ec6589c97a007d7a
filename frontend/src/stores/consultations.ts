// The 征求意见 module's shared state: the value lists of its forms (loaded once) and a revision that
// moves whenever the Go side reports a change to policies, consultations or comments, so that open
// pages reload what they show.
import { computed } from 'vue'
import { consultationOptions, type ConsultationOptions } from '../api/consultations'
import { policyOptions, type PolicyOptions } from '../api/policies'
import { Events } from '../api/events'
import { defineModuleStore } from './module'

const noPolicyOptions = (): PolicyOptions => ({ categories: [], statuses: [], disclosureTypes: [], versionKinds: [] })
const noConsultationOptions = (): ConsultationOptions => ({
  channels: [], commenterCategories: [], decisions: [], statuses: [], minCommentDays: 30,
})

export { SETTLE_MS } from './module'

export const useConsultationsStore = defineModuleStore(
  'consultations',
  {
    events: [Events.PoliciesChanged, Events.ConsultationsChanged, Events.CommentsChanged, Events.DataRestored],
    blank: () => ({ policy: noPolicyOptions(), consultation: noConsultationOptions() }),
    load: async () => {
      const [policy, consultation] = await Promise.all([policyOptions(), consultationOptions()])
      return { policy, consultation }
    },
  },
  ({ options }) => ({
    policy: computed(() => options.value.policy),
    consultation: computed(() => options.value.consultation),
  }),
)

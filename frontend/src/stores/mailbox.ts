// The 局长信箱 module's shared state: the fixed choices of its forms and the topics (loaded once, reloaded
// when the Go side reports a settings change), and a revision that moves whenever messages change, so that
// open pages reload what they show.
import { ref } from 'vue'
import { listTopics, mailboxOptions, type MailboxOptions, type TopicRecord } from '../api/mailbox'
import { Events } from '../api/events'
import { defineModuleStore, loadOnce } from './module'

export { SETTLE_MS } from './module'

const noOptions = (): MailboxOptions => ({ states: [], types: [], channels: [], templateFields: [] })

export const useMailboxStore = defineModuleStore(
  'mailbox',
  {
    /** Messages changing (events arriving together, an import or a fetch, move it once). */
    events: [Events.MessagesChanged, Events.DataRestored],
    blank: noOptions,
    load: mailboxOptions,
  },
  ({ ensureOptions, on }) => {
    const topics = ref<TopicRecord[]>([])
    /** Bumped when templates, topics, limits or the mail account change. */
    const settingsRevision = ref(0)

    async function reloadTopics(): Promise<void> {
      topics.value = await listTopics()
    }

    on([Events.MailboxSettingsChanged], () => {
      settingsRevision.value++
      reloadTopics().catch(() => {})
    })

    /** Loads the choices and topics once; later calls share the first. */
    const ensureLoaded = loadOnce(async () => {
      await Promise.all([ensureOptions(), reloadTopics()])
    })

    return { topics, settingsRevision, reloadTopics, ensureLoaded }
  },
)

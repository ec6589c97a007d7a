// The 局长信箱 module's shared state: the fixed choices of its forms and the topics (loaded once, reloaded
// when the Go side reports a settings change), and a revision that moves whenever messages change, so that
// open pages reload what they show.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { listTopics, mailboxOptions, type MailboxOptions, type TopicRecord } from '../api/mailbox'
import { Events, onEvent } from '../api/events'
import { changeRevision, loadOnce } from './module'

export { SETTLE_MS } from './module'

const noOptions = (): MailboxOptions => ({ states: [], types: [], channels: [], templateFields: [] })

export const useMailboxStore = defineStore('mailbox', () => {
  const options = ref<MailboxOptions>(noOptions())
  const topics = ref<TopicRecord[]>([])
  /** Bumped when templates, topics, limits or the mail account change. */
  const settingsRevision = ref(0)

  async function reloadTopics(): Promise<void> {
    topics.value = await listTopics()
  }

  /** Loads the choices and topics once; later calls share the first. */
  const ensureLoaded = loadOnce(async () => {
    ;[options.value, topics.value] = await Promise.all([mailboxOptions(), listTopics()])
  })

  /** Bumped when messages change (events arriving together, an import or a fetch, move it once); pages watch it. */
  const { revision, listen } = changeRevision([Events.MessagesChanged, Events.DataRestored], () =>
    onEvent(Events.MailboxSettingsChanged, () => {
      settingsRevision.value++
      reloadTopics().catch(() => {})
    }),
  )

  return { options, topics, revision, settingsRevision, ensureLoaded, reloadTopics, listen }
})

// The 局长信箱 module's shared state: the fixed choices of its forms and the topics (loaded once, reloaded
// when the Go side reports a settings change), and a revision that moves whenever messages change, so that
// open pages reload what they show.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { listTopics, mailboxOptions, type MailboxOptions, type TopicRecord } from '../api/mailbox'
import { Events, onEvent } from '../api/events'

/** How long change events must pause before pages reload. */
export const SETTLE_MS = 200

const noOptions = (): MailboxOptions => ({ states: [], types: [], channels: [], templateFields: [] })

export const useMailboxStore = defineStore('mailbox', () => {
  const options = ref<MailboxOptions>(noOptions())
  const topics = ref<TopicRecord[]>([])
  /** Bumped when messages change; pages watch it. */
  const revision = ref(0)
  /** Bumped when templates, topics, limits or the mail account change. */
  const settingsRevision = ref(0)
  let loading: Promise<void> | null = null
  let listening = false

  async function reloadTopics(): Promise<void> {
    topics.value = await listTopics()
  }

  /** Loads the choices and topics once; later calls share the first. A failure lets the next call try again. */
  function ensureLoaded(): Promise<void> {
    if (!loading) {
      loading = Promise.all([mailboxOptions(), listTopics()])
        .then(([o, t]) => {
          options.value = o
          topics.value = t
        })
        .catch((e) => {
          loading = null
          throw e
        })
    }
    return loading
  }

  /** Subscribes to the change events once; events arriving together (an import, a fetch) move the revision once. */
  function listen(): void {
    if (listening) return
    listening = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const bump = () => {
      clearTimeout(timer)
      timer = setTimeout(() => void revision.value++, SETTLE_MS)
    }
    onEvent(Events.MessagesChanged, bump)
    onEvent(Events.DataRestored, bump)
    onEvent(Events.MailboxSettingsChanged, () => {
      settingsRevision.value++
      reloadTopics().catch(() => {})
    })
  }

  return { options, topics, revision, settingsRevision, ensureLoaded, reloadTopics, listen }
})

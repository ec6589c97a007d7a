// Events sent by the Go side: Events.X is app.EventX of app/events.go, name for name (events.test.ts checks it).
import { EventsOn } from '../../wailsjs/runtime/runtime'

export const Events = {
  /** bureau, sections, people or the current user changed */
  SettingsChanged: 'settings:changed',
  /** a day was edited or a year imported; the data is the year */
  CalendarChanged: 'calendar:changed',
  /** the database was restored from a backup: every store reloads; the data is the backup's name */
  DataRestored: 'data:restored',
  /** a policy, its status or a version of its text changed; the data is the policy id */
  PoliciesChanged: 'policies:changed',
  /** a consultation was opened, edited, extended, reopened or its report published; the data is its id */
  ConsultationsChanged: 'consultations:changed',
  /** comments were added, imported, regrouped or decided; the data is the consultation id */
  CommentsChanged: 'comments:changed',
  /** progress of a comment file's import: { done, total } */
  CommentImportProgress: 'comments:progress',
  /** a policy's interpretations, their sign-off or publication changed; the data is the policy id */
  InterpretationsChanged: 'interpretations:changed',
  /** a message was created, imported, fetched or moved on */
  MessagesChanged: 'messages:changed',
  /** progress of a mail fetch: { done, total } */
  MailFetchProgress: 'mail:progress',
  /** a mail fetch ended: a FetchResult, or an error {code, message} */
  MailFetched: 'mail:fetched',
  /** reply templates, topics, reply limits or the mail account changed */
  MailboxSettingsChanged: 'mailbox:settings',
  /** progress of a message file's import: { done, total } */
  ImportProgress: 'import:progress',
  /** a topic-model training or evaluation is running or has ended: the RoutingJob */
  RoutingProgress: 'routing:progress',
  /** the segmentation dictionary, the labeled history or the topic model changed */
  RoutingChanged: 'routing:changed',
  /** progress of a labeled history file's import: { done, total } */
  ExampleImportProgress: 'examples:progress',
  /** an application in the 依申请公开 register was registered or moved on (data: its id) */
  DisclosureChanged: 'disclosure:changed',
} as const

export type EventName = (typeof Events)[keyof typeof Events]

/**
 * Subscribes to a Go event and returns the function that unsubscribes. Outside the app (unit tests, a
 * plain browser) there is no Wails runtime and nothing is ever sent, so the subscription is a no-op.
 */
export function onEvent(name: EventName, handler: (...data: unknown[]) => void): () => void {
  if (!window.runtime) return () => {}
  return EventsOn(name, handler)
}

/** Sent to the Go side (app.PageShown) once the desk's page shows its first view: the desk then starts the work that can wait. */
export const PageShown = 'page:shown'

let shown = false

/** Tells the desk, once, that its page shows its first view; outside the desktop app nobody listens. */
export function announcePageShown(): void {
  if (shown) return
  shown = true
  const emit = window.runtime?.EventsEmit
  if (typeof emit === 'function') emit(PageShown)
}

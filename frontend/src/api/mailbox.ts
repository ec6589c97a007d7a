// Typed wrapper of MailboxService (局长信箱): the inbox, a message's handling, replies and their sign-off,
// publication with masking, reply templates, topics, the mail account, imports and the statistics.
import * as go from './wailsjs/go/app/MailboxService'
import type { app, core } from './wailsjs/go/models'
import { call } from './errors'
import type { Data } from './types'

export type MailboxOptions = Data<app.MailboxOptions>
export type MessageFilter = Data<core.MessageFilter>
export type MessageListItem = Data<core.MessageListItem>
export type MessagePage = Omit<Data<core.MessagePage>, 'items'> & { items: MessageListItem[] }

export type TextSpan = Data<core.TextSpan>
export type MatchedWord = Omit<Data<core.MatchedWord>, 'spans'> & { spans: TextSpan[] }
export type TopicScore = Omit<Data<core.TopicScore>, 'words'> & { words: MatchedWord[] }
export type MatchResult = { top: TopicScore[] }
export type Message = Omit<Data<core.Message>, 'match'> & { match: MatchResult }
export type MessageEvent = Data<core.MessageEvent>
export type Attachment = Data<core.Attachment>
export type Approval = Data<core.Approval>
export type MessageDetail = { message: Message; events: MessageEvent[]; attachments: Attachment[]; approvals: Approval[] }

export type MessageInput = Data<core.MessageInput>
export type RerouteInput = Data<core.RerouteInput>
export type ClockStopInput = Data<core.ClockStopInput>
export type ClockStopDecision = Data<core.ClockStopDecision>
export type ReplySubmission = Data<core.ReplySubmission>
export type ForwardInput = Data<core.ForwardInput>
export type MaskedItem = Data<core.MaskedItem>
export type PublicationPreview = Omit<Data<core.PublicationPreview>, 'messageItems' | 'replyItems'> & {
  messageItems: MaskedItem[]
  replyItems: MaskedItem[]
}

export type ReplyTemplate = Data<core.ReplyTemplate>
export type RenderedReply = Data<core.RenderedReply>
export type SimilarMessage = Data<core.SimilarMessage>
export type TopicKeyword = Data<core.TopicKeyword>
export type TopicRecord = Omit<Data<core.TopicRecord>, 'keywords'> & { keywords: TopicKeyword[] }
export type MailboxSettings = Data<core.MailboxSettings>
export type IMAPConfig = Data<core.IMAPConfig>
/** What a mail fetch did, sent with mail:fetched (core.FetchResult; not a bound method's type, so written here). */
export interface FetchResult {
  found: number
  added: number
  skipped: number
  failed: number
  errors: string[] | null
  lastUid: number
  cancelled: boolean
}
/** Sent with mail:progress while mail is fetched (core.FetchProgress). */
export interface FetchProgress {
  done: number
  total: number
}

export type MessageImportField = Data<core.MessageImportField>
export type MessageImportRow = Omit<Data<core.MessageImportRow>, 'input'> & { input: MessageInput }
export type MessageImportPreview = Omit<Data<core.MessageImportPreview>, 'fields' | 'rows'> & {
  fields: MessageImportField[]
  rows: MessageImportRow[]
}
export type MessageImportResult = Data<core.MessageImportResult>

export type StatsRow = Data<core.StatsRow>
export type MailboxStats = Omit<Data<core.MailboxStats>, 'total' | 'byType' | 'byTopic' | 'bySection' | 'monthly'> & {
  total: StatsRow
  byType: StatsRow[]
  byTopic: StatsRow[]
  bySection: StatsRow[]
  monthly: StatsRow[]
}

const list = <T>(v: T[] | null | undefined): T[] => v ?? []

/** Go sends nil slices as null; the pages read these as arrays. */
function normalizeMessage(m: Message): Message {
  const top = list(m.match?.top).map((t) => ({ ...t, words: list(t.words).map((w) => ({ ...w, spans: list(w.spans) })) }))
  return { ...m, match: { top } }
}

export const mailboxOptions = (): Promise<MailboxOptions> => call(() => go.Options())
/** One page of the inbox, with the per-state counts of its filter (the state left out) for the state tabs. */
export const listMessages = (f: MessageFilter): Promise<MessagePage> =>
  call(() => go.ListMessages(f)).then((p) => ({ ...p, items: list(p.items), stateCounts: p.stateCounts ?? {} }))
/** The inbox's state tabs: each state's count, and under '' (全部) their sum. */
export function tabCounts(stateCounts: Record<string, number>): Record<string, number> {
  const all = Object.values(stateCounts).reduce((sum, n) => sum + n, 0)
  return { '': all, ...stateCounts }
}
export const getMessage = (id: number): Promise<MessageDetail> =>
  call(() => go.GetMessage(id)).then((d) => ({
    message: normalizeMessage(d.message as unknown as Message),
    events: list(d.events),
    attachments: list(d.attachments),
    approvals: list(d.approvals),
  }))
export const suggestType = (text: string): Promise<string> => call(() => go.SuggestType(text))
export const createMessage = (m: MessageInput): Promise<Message> => call(() => go.CreateMessage(m)).then((m) => normalizeMessage(m as unknown as Message))

export const reroute = (r: RerouteInput): Promise<Message> => call(() => go.Reroute(r)) as unknown as Promise<Message>
export const assign = (messageId: number, personId: number): Promise<Message> => call(() => go.Assign(messageId, personId)) as unknown as Promise<Message>
/** Asks the named approver to stop the clock; it keeps running until they approve. */
export const requestClockStop = (c: ClockStopInput): Promise<Message> => call(() => go.RequestClockStop(c)) as unknown as Promise<Message>
/** The named approver's decision on a waiting clock stop (a rejection needs an opinion). */
export const decideClockStop = (d: ClockStopDecision): Promise<Message> => call(() => go.DecideClockStop(d)) as unknown as Promise<Message>
export const resumeClock = (messageId: number): Promise<Message> => call(() => go.ResumeClock(messageId)) as unknown as Promise<Message>
export const submitReply = (r: ReplySubmission): Promise<Message> => call(() => go.SubmitReply(r)) as unknown as Promise<Message>
export const approveReply = (messageId: number, opinion: string): Promise<Message> =>
  call(() => go.ApproveReply(messageId, opinion)) as unknown as Promise<Message>
export const returnReply = (messageId: number, opinion: string): Promise<Message> =>
  call(() => go.ReturnReply(messageId, opinion)) as unknown as Promise<Message>
export const forward = (f: ForwardInput): Promise<Message> => call(() => go.Forward(f)) as unknown as Promise<Message>
export const publicationPreview = (id: number): Promise<PublicationPreview> =>
  call(() => go.PublicationPreview(id)).then((p) => ({
    ...p,
    messageItems: list(p.messageItems),
    replyItems: list(p.replyItems),
    problems: list(p.problems),
  }))
export const publish = (id: number): Promise<Message> => call(() => go.Publish(id)) as unknown as Promise<Message>

export const listTemplates = (): Promise<ReplyTemplate[]> => call(() => go.ListTemplates()).then(list)
export const saveTemplate = (t: ReplyTemplate): Promise<ReplyTemplate> => call(() => go.SaveTemplate(t))
export const deleteTemplate = (id: number): Promise<void> => call(() => go.DeleteTemplate(id))
export const renderTemplate = (templateId: number, messageId: number): Promise<RenderedReply> =>
  call(() => go.RenderTemplate(templateId, messageId)).then((r) => ({ ...r, missing: list(r.missing) }))
export const similarMessages = (id: number, n = 5): Promise<SimilarMessage[]> => call(() => go.SimilarMessages(id, n)).then(list)

export const listTopics = (): Promise<TopicRecord[]> =>
  call(() => go.ListTopics()).then((l) => list(l).map((t) => ({ ...t, keywords: list(t.keywords) })))
export const saveTopic = (t: TopicRecord): Promise<TopicRecord> =>
  call(() => go.SaveTopic(t as unknown as core.TopicRecord)) as unknown as Promise<TopicRecord>
export const getMailboxSettings = (): Promise<MailboxSettings> => call(() => go.GetSettings())
export const saveMailboxSettings = (s: MailboxSettings): Promise<MailboxSettings> => call(() => go.SaveSettings(s))

/** Previews a table picked in the browser; columns null keeps the suggested mapping. */
export const previewImportData = (name: string, base64: string, columns: Record<string, number> | null): Promise<MessageImportPreview> =>
  call(() => go.PreviewImportData(name, base64, columns as Record<string, number>)).then((p) => ({
    ...p,
    headers: list(p.headers),
    fields: list(p.fields),
    rows: list(p.rows) as unknown as MessageImportRow[],
    errors: list(p.errors),
    warnings: list(p.warnings),
  }))
export const applyImportData = (name: string, base64: string, columns: Record<string, number> | null): Promise<MessageImportResult> =>
  call(() => go.ApplyImportData(name, base64, columns as Record<string, number>))

export const getIMAPConfig = (): Promise<IMAPConfig> => call(() => go.GetIMAPConfig())
export const saveIMAPConfig = (c: IMAPConfig): Promise<IMAPConfig> => call(() => go.SaveIMAPConfig(c))
/** Starts a fetch in the background; progress and the end arrive as mail:progress and mail:fetched. */
export const fetchMail = (): Promise<void> => call(() => go.FetchMail())
export const cancelFetch = (): Promise<boolean> => call(() => go.CancelFetch())
export const fetching = (): Promise<boolean> => call(() => go.Fetching())

function normalizeStats(s: Data<core.MailboxStats>): MailboxStats {
  return {
    ...(s as unknown as MailboxStats),
    byType: list(s.byType),
    byTopic: list(s.byTopic),
    bySection: list(s.bySection),
    monthly: list(s.monthly),
  }
}

/** Statistics of the messages received in [from, to] (dates; "" = the month's first day / today). */
export const mailboxStats = (from: string, to: string): Promise<MailboxStats> => call(() => go.Stats(from, to)).then(normalizeStats)
/** Writes the public table 留言受理反馈情况统计 to path ("" = a file named after the period in the exports folder); resolves to the path written. */
export const exportStatsHTML = (from: string, to: string, path = ''): Promise<string> => call(() => go.ExportStatsHTML(from, to, path))
/** Writes the statistics and the message detail as an .xlsx workbook to path ("" = the exports folder); resolves to the path written. */
export const exportDetailXLSX = (from: string, to: string, path = ''): Promise<string> => call(() => go.ExportDetailXLSX(from, to, path))
/** Saves a chart given as a PNG data URL into the exports folder as name; resolves to the path written. */
export const saveChartPNG = (dataURL: string, name: string): Promise<string> => call(() => go.SaveChartPNG(dataURL, name))

export type RelatedDocument = Data<core.RelatedDocument>
/** Up to n published policies and interpretations on the subject of message id, best first, each with its citation. */
export const relatedDocuments = (id: number, n = 5): Promise<RelatedDocument[]> => call(() => go.RelatedDocuments(id, n))

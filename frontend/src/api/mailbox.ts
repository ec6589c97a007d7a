// Typed wrapper of MailboxService (局长信箱): the inbox, a message's handling, replies and their sign-off,
// publication with masking, reply templates, topics, the mail account, imports and the statistics.
import * as go from '../../wailsjs/go/app/MailboxService'
import type { app, core } from '../../wailsjs/go/models'
import { call } from './errors'

export type MailboxOptions = app.MailboxOptions
export type MessageFilter = core.MessageFilter
export type MessageListItem = core.MessageListItem
export type MessagePage = core.MessagePage

export type TextSpan = core.TextSpan
export type MatchedWord = core.MatchedWord
export type TopicScore = core.TopicScore
export type MatchResult = core.MatchResult
export type Message = core.Message
export type MessageEvent = core.MessageEvent
export type Attachment = core.Attachment
export type Approval = core.Approval
export type MessageDetail = core.MessageDetail

export type MessageInput = core.MessageInput
export type RerouteInput = core.RerouteInput
export type BulkAssignInput = core.BulkAssignInput
export type ClockStopInput = core.ClockStopInput
export type ClockStopDecision = core.ClockStopDecision
export type ReplySubmission = core.ReplySubmission
export type RemindInput = core.RemindInput
export type ExtensionInput = core.ExtensionInput
export type ExtensionDecision = core.ExtensionDecision
export type ForwardInput = core.ForwardInput
export type MaskedItem = core.MaskedItem
export type PublicationPreview = core.PublicationPreview
export type MaskKeep = core.MaskKeep
export type MaskKeepInput = core.MaskKeepInput

export type ReplyTemplate = core.ReplyTemplate
export type RenderedReply = core.RenderedReply
export type SimilarMessage = core.SimilarMessage
export type TopicKeyword = core.TopicKeyword
export type TopicRecord = core.TopicRecord
export type MailboxSettings = core.MailboxSettings
export type IMAPConfig = core.IMAPConfig
/** What a mail fetch did, sent with mail:fetched (core.FetchResult; not a bound method's type, so written here). */
export interface FetchResult {
  found: number
  added: number
  skipped: number
  failed: number
  errors: string[]
  lastUid: number
  cancelled: boolean
}
/** Sent with mail:progress while mail is fetched (core.FetchProgress). */
export interface FetchProgress {
  done: number
  total: number
}

export type MessageImportField = core.MessageImportField
export type MessageImportRow = core.MessageImportRow
export type MessageImportPreview = core.MessageImportPreview
export type MessageImportResult = core.MessageImportResult

export type StatsRow = core.StatsRow
export type MailboxStats = core.MailboxStats

export const mailboxOptions = (): Promise<MailboxOptions> => call(() => go.Options())
/** One page of the inbox, with the per-state counts of its filter (the state left out) for the state tabs. */
export const listMessages = (f: MessageFilter): Promise<MessagePage> => call(() => go.ListMessages(f))
/** The inbox's state tabs: each state's count, and under '' (全部) their sum. */
export function tabCounts(stateCounts: Record<string, number>): Record<string, number> {
  const all = Object.values(stateCounts).reduce((sum, n) => sum + n, 0)
  return { '': all, ...stateCounts }
}
export const getMessage = (id: number): Promise<MessageDetail> => call(() => go.GetMessage(id))
export const suggestType = (text: string): Promise<string> => call(() => go.SuggestType(text))
export const createMessage = (m: MessageInput): Promise<Message> => call(() => go.CreateMessage(m))

export const reroute = (r: RerouteInput): Promise<Message> => call(() => go.Reroute(r))
export const assign = (messageId: number, personId: number): Promise<Message> => call(() => go.Assign(messageId, personId))
/** 批量分办: the ticked messages to a section (and person) at once, all or nothing. */
export const assignMany = (b: BulkAssignInput): Promise<Message[]> => call(() => go.AssignMany(b))
/** Asks the named approver to stop the clock; it keeps running until they approve. */
export const requestClockStop = (c: ClockStopInput): Promise<Message> => call(() => go.RequestClockStop(c))
/** The named approver's decision on a waiting clock stop (a rejection needs an opinion). */
export const decideClockStop = (d: ClockStopDecision): Promise<Message> => call(() => go.DecideClockStop(d))
/** 催办: urges the message's handler; kept on the message and in its history. */
export const remind = (r: RemindInput): Promise<Message> => call(() => go.Remind(r))
/** 延期申请: asks the named approver for more working days; the due date moves only when they approve. */
export const requestExtension = (e: ExtensionInput): Promise<Message> => call(() => go.RequestExtension(e))
/** The named approver's decision on a waiting 延期申请 (a rejection needs an opinion). */
export const decideExtension = (d: ExtensionDecision): Promise<Message> => call(() => go.DecideExtension(d))
export const resumeClock = (messageId: number): Promise<Message> => call(() => go.ResumeClock(messageId))
export const submitReply = (r: ReplySubmission): Promise<Message> => call(() => go.SubmitReply(r))
export const approveReply = (messageId: number, opinion: string): Promise<Message> =>
  call(() => go.ApproveReply(messageId, opinion))
export const returnReply = (messageId: number, opinion: string): Promise<Message> =>
  call(() => go.ReturnReply(messageId, opinion))
export const forward = (f: ForwardInput): Promise<Message> => call(() => go.Forward(f))
export const publicationPreview = (id: number): Promise<PublicationPreview> => call(() => go.PublicationPreview(id))
export const publish = (id: number): Promise<Message> => call(() => go.Publish(id))
export const keepMasked = (k: MaskKeepInput): Promise<PublicationPreview> => call(() => go.KeepMasked(k))
export const unkeepMasked = (messageId: number, keepId: number): Promise<PublicationPreview> =>
  call(() => go.UnkeepMasked(messageId, keepId))

export const listTemplates = (): Promise<ReplyTemplate[]> => call(() => go.ListTemplates())
export const saveTemplate = (t: ReplyTemplate): Promise<ReplyTemplate> => call(() => go.SaveTemplate(t))
export const deleteTemplate = (id: number): Promise<void> => call(() => go.DeleteTemplate(id))
export const renderTemplate = (templateId: number, messageId: number): Promise<RenderedReply> =>
  call(() => go.RenderTemplate(templateId, messageId))
export const similarMessages = (id: number, n = 5): Promise<SimilarMessage[]> => call(() => go.SimilarMessages(id, n))

export const listTopics = (): Promise<TopicRecord[]> => call(() => go.ListTopics())
export const saveTopic = (t: TopicRecord): Promise<TopicRecord> => call(() => go.SaveTopic(t))
export const getMailboxSettings = (): Promise<MailboxSettings> => call(() => go.GetSettings())
export const saveMailboxSettings = (s: MailboxSettings): Promise<MailboxSettings> => call(() => go.SaveSettings(s))

/** Previews a table picked in the browser; a field left out of columns keeps its suggested column (-1 = none). */
export const previewImportData = (name: string, base64: string, columns: Record<string, number> = {}): Promise<MessageImportPreview> =>
  call(() => go.PreviewImportData(name, base64, columns))
export const applyImportData = (name: string, base64: string, columns: Record<string, number> = {}): Promise<MessageImportResult> =>
  call(() => go.ApplyImportData(name, base64, columns))
/** Stops the message import that is running (its file is not imported at all); false when none runs. */
export const cancelImport = (): Promise<boolean> => call(() => go.CancelImport())

export const getIMAPConfig = (): Promise<IMAPConfig> => call(() => go.GetIMAPConfig())
export const saveIMAPConfig = (c: IMAPConfig): Promise<IMAPConfig> => call(() => go.SaveIMAPConfig(c))
/** Starts a fetch in the background; progress and the end arrive as mail:progress and mail:fetched. */
export const fetchMail = (): Promise<void> => call(() => go.FetchMail())
export const cancelFetch = (): Promise<boolean> => call(() => go.CancelFetch())
export const fetching = (): Promise<boolean> => call(() => go.Fetching())

/** Statistics of the messages received in [from, to] (dates; "" = the month's first day / today). */
export const mailboxStats = (from: string, to: string): Promise<MailboxStats> => call(() => go.Stats(from, to))
/** Writes the public table 留言受理反馈情况统计 to path ("" = a file named after the period in the exports folder); resolves to the path written. */
export const exportStatsHTML = (from: string, to: string, path = ''): Promise<string> => call(() => go.ExportStatsHTML(from, to, path))
/** Writes the statistics and the message detail as an .xlsx workbook to path ("" = the exports folder); resolves to the path written. */
export const exportDetailXLSX = (from: string, to: string, path = ''): Promise<string> => call(() => go.ExportDetailXLSX(from, to, path))
/** Saves a chart given as a PNG data URL into the exports folder as name; resolves to the path written. */
export const saveChartPNG = (dataURL: string, name: string): Promise<string> => call(() => go.SaveChartPNG(dataURL, name))

export type RelatedDocument = core.RelatedDocument
/** Up to n published policies and interpretations on the subject of message id, best first, each with its citation. */
export const relatedDocuments = (id: number, n = 5): Promise<RelatedDocument[]> => call(() => go.RelatedDocuments(id, n))

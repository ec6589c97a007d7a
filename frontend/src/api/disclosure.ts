// Typed wrapper of DisclosureService (依申请公开): the register of applications on the statutory clock and
// table 三 of the annual report.
import * as go from '../../wailsjs/go/app/DisclosureService'
import type { app, core } from '../../wailsjs/go/models'
import { call } from './errors'
import type { BadgeTone } from '../utils/deadline'

export type DisclosureOptions = app.DisclosureOptions
export type DisclosureRequest = core.DisclosureRequest
export type DisclosureEvent = core.DisclosureEvent
export type DisclosureRemedy = core.DisclosureRemedy
export type DisclosureDetail = core.DisclosureDetail
export type DisclosureTable4 = core.DisclosureTable4
export type DisclosureFilter = core.DisclosureFilter
export type DisclosureIntake = core.DisclosureIntake
export type DisclosureAnswer = core.DisclosureAnswer
export type DisclosureTable = core.DisclosureTable
export type ExportedFile = app.ExportedFile
export type RegisterSample = app.RegisterSample
export type RegisterPreview = app.RegisterPreview
export type DisclosurePause = core.DisclosurePause
export type DisclosurePauseInput = core.DisclosurePauseInput

export const disclosureOptions = (): Promise<DisclosureOptions> => call(() => go.Options())
export type DisclosurePage = core.DisclosurePage
/** One page of the register (offset, limit) with the number of requests the filter selects. */
export const listRequests = (f: DisclosureFilter): Promise<DisclosurePage> => call(() => go.ListRequests(f))
export const getRequest = (id: number): Promise<DisclosureDetail> => call(() => go.GetRequest(id))
export const registerRequest = (in_: DisclosureIntake): Promise<DisclosureDetail> => call(() => go.Register(in_))
export const sendCorrection = (id: number, sent: string, by: string, note: string): Promise<DisclosureDetail> =>
  call(() => go.SendCorrection(id, sent, by, note))
export const receiveCorrection = (id: number, date: string): Promise<DisclosureDetail> => call(() => go.ReceiveCorrection(id, date))
export const extendRequest = (id: number, approver: string, reason: string): Promise<DisclosureDetail> =>
  call(() => go.Extend(id, approver, reason))
export const answerRequest = (a: DisclosureAnswer): Promise<DisclosureDetail> => call(() => go.Answer(a))
export const annualTable = (year: number): Promise<DisclosureTable> => call(() => go.AnnualTable(year))
export const annualTable4 = (year: number): Promise<DisclosureTable4> => call(() => go.AnnualTable4(year))
/** Records (id 0) or updates a 行政复议 or 行政诉讼 over an answered application. */
export const saveRemedy = (m: DisclosureRemedy): Promise<DisclosureDetail> => call(() => go.SaveRemedy(m))
/** Records the 第三方意见征询函 sent (the answer period stops until the opinion, 15 working days at most). */
export const consultThirdParty = (in_: DisclosurePauseInput): Promise<DisclosureDetail> => call(() => go.ConsultThirdParty(in_))
/** Records the third party's opinion: the answer period resumes. */
export const recordOpinion = (in_: DisclosurePauseInput): Promise<DisclosureDetail> => call(() => go.RecordOpinion(in_))
/** Records the 收费通知书 sent; the fee follows the tiers of 109号 (the answer period stops until payment). */
export const sendFeeNotice = (in_: DisclosurePauseInput): Promise<DisclosureDetail> => call(() => go.SendFeeNotice(in_))
/** Records the applicant's payment: the answer period resumes. */
export const recordPayment = (in_: DisclosurePauseInput): Promise<DisclosureDetail> => call(() => go.RecordPayment(in_))
/** Gives the request to a section and, optionally, a person of it (分办). */
export const assignRequest = (id: number, sectionId: number, handlerId: number): Promise<DisclosureDetail> =>
  call(() => go.Assign(id, sectionId, handlerId))
/** Records a 会商 or the legal adviser's opinion. */
export const addNote = (id: number, kind: string, date: string, text: string): Promise<DisclosureDetail> => call(() => go.AddNote(id, kind, date, text))
/** Records the answer drafted for sign-off; only a signed draft is sent. */
export const saveDraft = (id: number, outcome: number, text: string): Promise<DisclosureDetail> => call(() => go.SaveDraft(id, outcome, text))
export type ProactiveSuggestion = core.ProactiveSuggestion
/** Information several disclosed requests of the year (0: all) asked for: candidates for 主动公开 (第四十四条). */
export const proactiveSuggestions = (year: number): Promise<ProactiveSuggestion[]> => call(() => go.ProactiveSuggestions(year))
export type AnnualEdits = core.AnnualEdits
/** Records the office's additions to a year's report (table 二's hand figures, 总体情况, publication). */
export const saveAnnualEdits = (e: AnnualEdits): Promise<AnnualEdits> => call(() => go.SaveAnnualEdits(e))
/** Reads an existing 登记台账 (base64) and says what it holds, or row by row what is wrong. */
export const previewRegister = (fileName: string, dataBase64: string): Promise<RegisterPreview> =>
  call(() => go.PreviewRegisterData(fileName, dataBase64))
/** Imports the register whole (nothing when a row is wrong); resolves to the number of applications added. */
export const importRegister = (fileName: string, dataBase64: string): Promise<number> => call(() => go.ImportRegisterData(fileName, dataBase64))
/** Writes one procedural letter (受理回执, 补正告知书, 第三方意见征询函, 收费通知书, 延期答复告知书, 答复书) as DOCX. */
export const exportLetter = (id: number, kind: string, dir = ''): Promise<ExportedFile> => call(() => go.ExportLetter(id, kind, dir))

/** The tone of a register status, as the other modules' badges. */
export function statusTone(status: string): BadgeTone | 'green' {
  switch (status) {
    case '按时答复':
      return 'green'
    case '逾期答复':
    case '逾期未补正':
    case '逾期未缴费':
      return 'red'
    case '待补正':
    case '征询第三方':
    case '待缴费':
      return 'orange'
    case '办理中':
      return 'blue'
  }
  return 'grey'
}
export type AnnualReport = core.AnnualReport
/** The year's 政府信息公开工作年度报告 drafted from the records, with tables 三 and 四. */
export const annualReport = (year: number): Promise<AnnualReport> => call(() => go.AnnualReport(year))
/** Writes the whole report as DOCX (to file and sign off) or HTML (for the website); dir '' = exports folder. */
export const exportAnnualReport = (year: number, format: 'docx' | 'html', dir = ''): Promise<ExportedFile> =>
  call(() => go.ExportAnnualReport(year, format, dir))
export type LetterTemplate = core.LetterTemplate
/** The letters' texts (受理回执 … 答复书 by result group), as edited or built in, with their placeholders. */
export const letterTemplates = (): Promise<LetterTemplate[]> => call(() => go.LetterTemplates())
/** Saves a letter's text; an unknown placeholder, or a refusal naming 诉讼 before 复议, is refused. */
export const saveLetterTemplate = (kind: string, body: string): Promise<LetterTemplate> => call(() => go.SaveLetterTemplate(kind, body))
/** Returns a letter to its built-in text. */
export const resetLetterTemplate = (kind: string): Promise<LetterTemplate> => call(() => go.ResetLetterTemplate(kind))

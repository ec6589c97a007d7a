// Typed wrapper of ConsultationService: consultations (决策预公开), their comments — entered, imported,
// grouped and decided — and the 意见收集采纳情况说明 with its exports.
import * as go from '../../wailsjs/go/app/ConsultationService'
import type { app, core } from '../../wailsjs/go/models'
import { call } from './errors'
import type { FileFilter } from './policies'

export type Consultation = core.Consultation
export type ConsultationFilter = core.ConsultationFilter
export type ConsultationPage = core.ConsultationPage
export type ConsultationNotice = core.ConsultationNotice
export type ConsultationDetail = core.ConsultationDetail
export type ConsultationOptions = app.ConsultationOptions
export type PeriodCheck = core.PeriodCheck
export type PeriodChange = core.PeriodChange

export type Comment = core.Comment
export type CommentFilter = core.CommentFilter
export type CommentPage = core.CommentPage
export type CommentGroup = core.CommentGroup
export type GroupingResult = core.GroupingResult
export type GroupMerge = core.GroupMerge
export type Decision = core.Decision

export type ImportField = core.ImportField
export type ImportRequest = core.ImportRequest
export type ImportRow = core.ImportRow
export type RowError = core.RowError
export type ImportPreview = core.ImportPreview
export type ImportResult = core.ImportResult

export type CountRow = core.CountRow
export type ClauseSummary = core.ClauseSummary
export type ReportItem = core.ReportItem
export type FeedbackReport = core.FeedbackReport
export type ReportPublication = core.ReportPublication
export type ExportedFile = app.ExportedFile

/** The comment sheets an import reads. */
export const sheetFilters: FileFilter[] = [{ displayName: '意见表格(XLSX、CSV)', pattern: '*.xlsx;*.csv' }]

export const consultationOptions = (): Promise<ConsultationOptions> => call(() => go.Options())
export const listConsultations = (f: ConsultationFilter): Promise<ConsultationPage> => call(() => go.ListConsultations(f))
export const getConsultation = (id: number): Promise<ConsultationDetail> => call(() => go.GetConsultation(id))
/** The earliest lawful close date for openDate, and whether closeDate ("" = not chosen yet) needs a reason. */
export const checkPeriod = (openDate: string, closeDate: string): Promise<PeriodCheck> => call(() => go.CheckPeriod(openDate, closeDate))
export const saveConsultation = (c: Consultation): Promise<Consultation> => call(() => go.SaveConsultation(c))
export const extendConsultation = (c: PeriodChange): Promise<Consultation> => call(() => go.ExtendConsultation(c))
export const reopenConsultation = (c: PeriodChange): Promise<Consultation> => call(() => go.ReopenConsultation(c))
/** The bureau's own time limit for publishing the 意见采纳情况说明, in working days after the consultation closes. */
export const getReportDueWorkdays = (): Promise<number> => call(() => go.GetReportDueWorkdays())
export const setReportDueWorkdays = (n: number): Promise<number> => call(() => go.SetReportDueWorkdays(n))

export const listComments = (f: CommentFilter): Promise<CommentPage> => call(() => go.ListComments(f))
export const saveComment = (c: Comment): Promise<Comment> => call(() => go.SaveComment(c))
export const deleteComment = (consultationId: number, commentId: number): Promise<void> =>
  call(() => go.DeleteComment(consultationId, commentId))

export const previewImportData = (req: ImportRequest, base64: string): Promise<ImportPreview> =>
  call(() => go.PreviewImportData(req, base64))
export const applyImportData = (req: ImportRequest, base64: string): Promise<ImportResult> => call(() => go.ApplyImportData(req, base64))
/** Desktop only: a sheet chosen with chooseSheet, read by the Go side. */
export const previewImportFile = (req: ImportRequest, path: string): Promise<ImportPreview> => call(() => go.PreviewImportFile(req, path))
export const applyImportFile = (req: ImportRequest, path: string): Promise<ImportResult> => call(() => go.ApplyImportFile(req, path))
/** Stops the comment import that is running (its file is not imported at all); false when none runs. */
export const cancelImport = (): Promise<boolean> => call(() => go.CancelImport())
export const chooseSheet = (title: string): Promise<string> => call(() => go.ChooseFile(title, sheetFilters))

export const regroup = (consultationId: number): Promise<GroupingResult> => call(() => go.Regroup(consultationId))
export const listGroups = (consultationId: number): Promise<CommentGroup[]> => call(() => go.ListGroups(consultationId))
export const splitComment = (commentId: number): Promise<Comment> => call(() => go.SplitComment(commentId))
export const mergeGroups = (m: GroupMerge): Promise<CommentGroup> => call(() => go.MergeGroups(m))
export const decide = (d: Decision): Promise<Comment[]> => call(() => go.Decide(d))

export const generateReport = (consultationId: number): Promise<FeedbackReport> => call(() => go.GenerateReport(consultationId))
export const publishReport = (p: ReportPublication): Promise<Consultation> => call(() => go.PublishReport(p))
/** The exports write into dir; "" means the app's export folder. */
export const exportReportDOCX = (consultationId: number, dir = ''): Promise<ExportedFile> => call(() => go.ExportReportDOCX(consultationId, dir))
export const exportReportHTML = (consultationId: number, dir = ''): Promise<ExportedFile> => call(() => go.ExportReportHTML(consultationId, dir))
export const exportLedgerXLSX = (consultationId: number, dir = ''): Promise<ExportedFile> => call(() => go.ExportLedgerXLSX(consultationId, dir))

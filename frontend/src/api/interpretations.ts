// Typed wrapper of InterpretationService: the 政策解读 of each policy (文字, 图解, 问答, 负责人解读 …),
// their sign-off, the pre-publication check, publication in step with the policy (三同步) and the exports.
import * as go from '../../wailsjs/go/app/InterpretationService'
import type { app, core } from '../../wailsjs/go/models'
import { call } from './errors'

export type Interpretation = core.Interpretation
export type InterpretationFilter = core.InterpretationFilter
export type InterpretationOptions = app.InterpretationOptions
export type TextSection = core.TextSection
export type QAPair = core.QAPair
export type Graphic = core.Graphic
export type GraphicBlock = core.GraphicBlock
export type KeyFigure = core.KeyFigure
export type FlowStep = core.FlowStep
export type Media = core.Media
export type MediaRef = core.MediaRef
export type EditorHelp = core.EditorHelp
export type PolicyFact = core.PolicyFact
export type QuestionSuggestion = core.QuestionSuggestion
export type SignoffStep = core.SignoffStep
export type Signoff = core.Signoff
export type SignoffApproval = core.SignoffApproval
export type SignoffAction = core.SignoffAction
export type PrepubReport = core.PrepubReport
export type PrepubFinding = core.PrepubFinding
export type FindingAck = core.FindingAck
export type Publication = core.Publication
export type Exemption = core.Exemption
export type ExemptionInput = core.ExemptionInput
export type SyncPanel = core.SyncPanel
export type SyncRow = core.SyncRow
export type ExportedFile = app.ExportedFile
export type PackageResult = app.PackageResult
export type PublishedPolicy = core.Policy

/** Sign-off subjects, as the Go side names them ('report': a consultation's 意见采纳情况说明). */
export type SubjectType = 'policy' | 'interpretation' | 'report' | 'disclosure' | 'annual'

export const interpretationOptions = (): Promise<InterpretationOptions> => call(() => go.Options())
export const listInterpretations = (policyId: number): Promise<Interpretation[]> => call(() => go.ListInterpretations(policyId))
export const filterInterpretations = (f: InterpretationFilter): Promise<Interpretation[]> => call(() => go.FilterInterpretations(f))
export const getInterpretation = (id: number): Promise<Interpretation> => call(() => go.GetInterpretation(id))
/** An unsaved interpretation of the form, pre-filled from the policy (section, title, headings or blocks). */
export const newInterpretation = (policyId: number, form: string): Promise<Interpretation> => call(() => go.NewInterpretation(policyId, form))
export const saveInterpretation = (in_: Interpretation): Promise<Interpretation> =>
  call(() => go.SaveInterpretation(in_))
export const deleteInterpretation = (id: number): Promise<void> => call(() => go.DeleteInterpretation(id))

export const recordExemption = (e: ExemptionInput): Promise<Exemption> => call(() => go.RecordExemption(e))
export const listExemptions = (subjectType: SubjectType, subjectId: number): Promise<Exemption[]> =>
  call(() => go.ListExemptions(subjectType, subjectId))

export const signoffSteps = (): Promise<SignoffStep[]> => call(() => go.SignoffSteps())
export const saveSignoffSteps = (steps: SignoffStep[]): Promise<SignoffStep[]> => call(() => go.SaveSignoffSteps(steps))
export const getSignoff = (subjectType: SubjectType, subjectId: number): Promise<Signoff> => call(() => go.GetSignoff(subjectType, subjectId))
export const submitSignoff = (subjectType: SubjectType, subjectId: number): Promise<Signoff> =>
  call(() => go.SubmitSignoff(subjectType, subjectId))
export const decideSignoff = (a: SignoffAction): Promise<Signoff> => call(() => go.DecideSignoff(a))

export const prepubCheck = (subjectType: SubjectType, subjectId: number): Promise<PrepubReport> =>
  call(() => go.PrepubCheck(subjectType, subjectId))
export const acknowledgeFinding = (a: FindingAck): Promise<PrepubReport> => call(() => go.AcknowledgeFinding(a))

export const publishPolicy = (p: Publication): Promise<PublishedPolicy> => call(() => go.PublishPolicy(p))
export const publishInterpretation = (p: Publication): Promise<Interpretation> => call(() => go.PublishInterpretation(p))
export const syncPanel = (policyId: number): Promise<SyncPanel> => call(() => go.SyncPanel(policyId))

export const editorHelp = (policyId: number): Promise<EditorHelp> => call(() => go.EditorHelp(policyId))
export const suggestQuestions = (policyId: number): Promise<QuestionSuggestion[]> => call(() => go.SuggestQuestions(policyId))

/** Renders unsaved 图解 blocks; resolves to the PNG in base64. */
export const previewGraphicPNG = (g: Graphic): Promise<string> => call(() => go.PreviewGraphicPNG(g))
/** The exports write into dir; "" means the app's export folder. */
export const exportGraphicPNG = (id: number, dir = ''): Promise<ExportedFile> => call(() => go.ExportGraphicPNG(id, dir))
export const exportGraphicHTML = (id: number, dir = ''): Promise<ExportedFile> => call(() => go.ExportGraphicHTML(id, dir))
export const exportSignoffDOCX = (subjectType: SubjectType, subjectId: number, dir = ''): Promise<ExportedFile> =>
  call(() => go.ExportSignoffDOCX(subjectType, subjectId, dir))
export const exportPackage = (policyId: number, dir = ''): Promise<PackageResult> => call(() => go.ExportPackage(policyId, dir))

// Typed wrapper of InterpretationService: the 政策解读 of each policy (文字, 图解, 问答, 负责人解读 …),
// their sign-off, the pre-publication check, publication in step with the policy (三同步) and the exports.
import * as go from './wailsjs/go/app/InterpretationService'
import type { app, core } from './wailsjs/go/models'
import { call } from './errors'

/**
 * The data fields of a generated model, nested models included. Values crossing the bridge are plain JSON,
 * so the generated classes' helper methods (createFrom, convertValues) never exist on them.
 */
export type Plain<T> = T extends (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Plain<T[K]> }
    : T

export type Interpretation = Plain<core.Interpretation>
export type InterpretationFilter = Plain<core.InterpretationFilter>
export type InterpretationOptions = Plain<app.InterpretationOptions>
export type TextSection = Plain<core.TextSection>
export type QAPair = Plain<core.QAPair>
export type Graphic = Plain<core.Graphic>
export type GraphicBlock = Plain<core.GraphicBlock>
export type KeyFigure = Plain<core.KeyFigure>
export type FlowStep = Plain<core.FlowStep>
export type Media = Plain<core.Media>
export type MediaRef = Plain<core.MediaRef>
export type EditorHelp = Plain<core.EditorHelp>
export type PolicyFact = Plain<core.PolicyFact>
export type QuestionSuggestion = Plain<core.QuestionSuggestion>
export type SignoffStep = Plain<core.SignoffStep>
export type Signoff = Plain<core.Signoff>
export type SignoffApproval = Plain<core.SignoffApproval>
export type SignoffAction = Plain<core.SignoffAction>
export type PrepubReport = Plain<core.PrepubReport>
export type PrepubFinding = Plain<core.PrepubFinding>
export type FindingAck = Plain<core.FindingAck>
export type Publication = Plain<core.Publication>
export type Exemption = Plain<core.Exemption>
export type ExemptionInput = Plain<core.ExemptionInput>
export type SyncPanel = Plain<core.SyncPanel>
export type SyncRow = Plain<core.SyncRow>
export type ExportedFile = Plain<app.ExportedFile>
export type PackageResult = Plain<app.PackageResult>
export type PublishedPolicy = Plain<core.Policy>

/** Sign-off subjects, as the Go side names them ('report': a consultation's 意见采纳情况说明). */
export type SubjectType = 'policy' | 'interpretation' | 'report'

export const interpretationOptions = (): Promise<InterpretationOptions> => call(() => go.Options())
export const listInterpretations = (policyId: number): Promise<Interpretation[]> => call(() => go.ListInterpretations(policyId))
export const filterInterpretations = (f: InterpretationFilter): Promise<Interpretation[]> => call(() => go.FilterInterpretations(f))
export const getInterpretation = (id: number): Promise<Interpretation> => call(() => go.GetInterpretation(id))
/** An unsaved interpretation of the form, pre-filled from the policy (section, title, headings or blocks). */
export const newInterpretation = (policyId: number, form: string): Promise<Interpretation> => call(() => go.NewInterpretation(policyId, form))
export const saveInterpretation = (in_: Interpretation): Promise<Interpretation> =>
  call(() => go.SaveInterpretation(in_ as core.Interpretation))
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
export const previewGraphicPNG = (g: Graphic): Promise<string> => call(() => go.PreviewGraphicPNG(g as core.Graphic))
/** The exports write into dir; "" means the app's export folder. */
export const exportGraphicPNG = (id: number, dir = ''): Promise<ExportedFile> => call(() => go.ExportGraphicPNG(id, dir))
export const exportGraphicHTML = (id: number, dir = ''): Promise<ExportedFile> => call(() => go.ExportGraphicHTML(id, dir))
export const exportSignoffDOCX = (subjectType: SubjectType, subjectId: number, dir = ''): Promise<ExportedFile> =>
  call(() => go.ExportSignoffDOCX(subjectType, subjectId, dir))
export const exportPackage = (policyId: number, dir = ''): Promise<PackageResult> => call(() => go.ExportPackage(policyId, dir))

// Typed wrapper of RoutingService (设置 → 主题与分办): the segmentation dictionary, the labeled history the
// topic model learns from, its import, and the background training and evaluation runs.
import * as go from './wailsjs/go/app/RoutingService'
import type { core } from './wailsjs/go/models'
import { call } from './errors'
import type { Data } from './types'

export type UserWord = Data<core.UserWord>
export type DictionaryWord = Data<core.DictionaryWord>
export type RoutingTopicCount = Data<core.RoutingTopicCount>
export type RoutingHistory = Omit<Data<core.RoutingHistory>, 'byTopic'> & { byTopic: RoutingTopicCount[] }
export type LabeledMessage = Data<core.LabeledMessage>
export type ExampleImportPreview = Omit<Data<core.ExampleImportPreview>, 'byLabel' | 'samples'> & {
  byLabel: RoutingTopicCount[]
  samples: LabeledMessage[]
}
export type ExampleImportResult = Data<core.ExampleImportResult>
export type RoutingModelInfo = Data<core.RoutingModelInfo>
export type RoutingJob = Data<core.RoutingJob>
export type RoutingTopicEval = Data<core.RoutingTopicEval>
export type RoutingEvaluation = Omit<Data<core.RoutingEvaluation>, 'perTopic'> & { perTopic: RoutingTopicEval[] }

const list = <T>(v: T[] | null | undefined): T[] => v ?? []

/** Go sends nil slices as null; the pages read these as arrays. */
export function normalizeEvaluation(e: RoutingEvaluation): RoutingEvaluation {
  return {
    ...e,
    labels: list(e.labels),
    confusion: list(e.confusion).map((r) => list(r)),
    perTopic: list(e.perTopic),
    foldMacroF1: list(e.foldMacroF1),
  }
}

const normalizeHistory = (h: RoutingHistory): RoutingHistory => ({ ...h, byTopic: list(h.byTopic) })

export const listDictionary = (): Promise<DictionaryWord[]> => call(() => go.ListDictionary()).then(list)
/** Adds or changes a user word; the segmenter is rebuilt in the background. */
export const saveUserWord = (w: UserWord): Promise<DictionaryWord> => call(() => go.SaveUserWord(w))
export const deleteUserWord = (word: string): Promise<void> => call(() => go.DeleteUserWord(word))

export const routingHistory = (): Promise<RoutingHistory> => call(() => go.History()).then(normalizeHistory)
/** What importing a labeled CSV (subject,body,label; UTF-8) would add. */
export const previewExamples = (name: string, base64: string): Promise<ExampleImportPreview> =>
  call(() => go.PreviewExamples(name, base64)).then((p) => ({
    ...p,
    byLabel: list(p.byLabel),
    unknownLabels: list(p.unknownLabels),
    samples: list(p.samples),
  }))
/** Imports a labeled CSV; createTopics makes a topic for every label that has none. */
export const importExamples = (name: string, base64: string, createTopics: boolean): Promise<ExampleImportResult> =>
  call(() => go.ImportExamples(name, base64, createTopics)).then((r) => ({
    ...r,
    createdTopics: list(r.createdTopics),
  }))
/** Removes every imported example (staff's routing decisions stay); resolves to how many were removed. */
export const deleteImportedExamples = (): Promise<number> => call(() => go.DeleteImportedExamples())

export const modelInfo = (): Promise<RoutingModelInfo> => call(() => go.ModelInfo())
/** Starts training in the background; progress arrives as routing:progress. */
export const startTraining = (): Promise<RoutingJob> => call(() => go.StartTraining())
/** Starts a k-fold cross-validation of the matcher on the history, in the background. */
export const startEvaluation = (folds: number): Promise<RoutingJob> => call(() => go.StartEvaluation(folds))
export const cancelJob = (): Promise<RoutingJob> => call(() => go.CancelJob())
export const currentJob = (): Promise<RoutingJob> => call(() => go.Job())
/** The last evaluation; folds is 0 when none was run. */
export const lastEvaluation = (): Promise<RoutingEvaluation> =>
  call(() => go.LastEvaluation()).then(normalizeEvaluation)

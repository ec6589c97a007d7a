// Typed wrapper of RoutingService (设置 → 主题与分办): the segmentation dictionary, the labeled history the
// topic model learns from, its import, and the background training and evaluation runs.
import * as go from '../../wailsjs/go/app/RoutingService'
import type { core } from '../../wailsjs/go/models'
import { call } from './errors'

export type UserWord = core.UserWord
export type DictionaryWord = core.DictionaryWord
export type RoutingTopicCount = core.RoutingTopicCount
export type RoutingHistory = core.RoutingHistory
export type LabeledMessage = core.LabeledMessage
export type ExampleImportPreview = core.ExampleImportPreview
export type ExampleImportResult = core.ExampleImportResult
export type RoutingModelInfo = core.RoutingModelInfo
export type RoutingJob = core.RoutingJob
export type RoutingTopicEval = core.RoutingTopicEval
export type RoutingEvaluation = core.RoutingEvaluation

export const listDictionary = (): Promise<DictionaryWord[]> => call(() => go.ListDictionary())
/** Adds or changes a user word; the segmenter is rebuilt in the background. */
export const saveUserWord = (w: UserWord): Promise<DictionaryWord> => call(() => go.SaveUserWord(w))
export const deleteUserWord = (word: string): Promise<void> => call(() => go.DeleteUserWord(word))

export const routingHistory = (): Promise<RoutingHistory> => call(() => go.History())
/** What importing a labeled CSV (subject,body,label; UTF-8) would add. */
export const previewExamples = (name: string, base64: string): Promise<ExampleImportPreview> =>
  call(() => go.PreviewExamples(name, base64))
/** Imports a labeled CSV; createTopics makes a topic for every label that has none. */
export const importExamples = (name: string, base64: string, createTopics: boolean): Promise<ExampleImportResult> =>
  call(() => go.ImportExamples(name, base64, createTopics))
/** Stops the labeled history import that is running (nothing of its file is kept); whether one was running. */
export const cancelExampleImport = (): Promise<boolean> => call(() => go.CancelExampleImport())
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
export const lastEvaluation = (): Promise<RoutingEvaluation> => call(() => go.LastEvaluation())

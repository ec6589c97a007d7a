// The topic model's shared state for 设置 → 主题与分办: the model in use, the labeled history, the last
// evaluation and the background job, which the 训练 and 评估 tabs both follow. The job is updated from
// routing:progress; while it runs it is also polled, so that a missed event cannot leave a bar hanging.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '../api/routing'
import type { RoutingEvaluation, RoutingHistory, RoutingJob, RoutingModelInfo } from '../api/routing'
import { Events, onEvent } from '../api/events'

const POLL_MS = 1500

export const noJob = (): RoutingJob => ({ kind: '', running: false, stage: '', done: 0, total: 0, startedAt: '', endedAt: '', error: '' })
const noModel = (): RoutingModelInfo => ({ trained: false, trainedAt: '', examples: 0, topics: 0, sizeBytes: 0, seconds: 0 })
const noHistory = (): RoutingHistory => ({ total: 0, imported: 0, decisions: 0, byTopic: [], newSinceModel: 0 })
export const noEvaluation = (): RoutingEvaluation => ({
  at: '', folds: 0, examples: 0, accuracy: 0, macroF1: 0, macroF1All: 0, minSupport: 0, scored: 0, msgsPerSec: 0, seconds: 0,
  labels: [], confusion: [], perTopic: [], foldMacroF1: [],
})

export const useRoutingStore = defineStore('routing', () => {
  const job = ref<RoutingJob>(noJob())
  const model = ref<RoutingModelInfo>(noModel())
  const history = ref<RoutingHistory>(noHistory())
  const evaluation = ref<RoutingEvaluation>(noEvaluation())
  /** Bumped when the dictionary, history or model changed; the dictionary tab watches it. */
  const revision = ref(0)
  let listening = false
  let poll: ReturnType<typeof setTimeout> | undefined

  async function reload(): Promise<void> {
    const [m, h, e] = await Promise.all([api.modelInfo(), api.routingHistory(), api.lastEvaluation()])
    model.value = m
    history.value = h
    evaluation.value = e
  }

  /**
   * Progress events received so far. A reply to a call (start, poll) is dropped when an event arrived while
   * the call was under way: the event is the newer state. The job carries no id and the clock may be fixed,
   * so replies cannot be ordered by their time stamps.
   */
  let events = 0

  /** Takes a new state of the job, polling while it runs. */
  function setJob(next: RoutingJob): void {
    job.value = next
    clearTimeout(poll)
    if (next.running) poll = setTimeout(() => void refreshJob(), POLL_MS)
  }

  /** Runs a call answering with the job and takes its reply unless an event overtook it. */
  async function fromCall(fn: () => Promise<RoutingJob>): Promise<void> {
    const seen = events
    const wasRunning = job.value.running
    const reply = await fn()
    if (events !== seen) return
    setJob(reply)
    // Polling saw the end (its event was missed): load what the job produced.
    if (wasRunning && !reply.running) reload().catch(() => {})
  }

  async function refreshJob(): Promise<void> {
    try {
      await fromCall(api.currentJob)
    } catch {
      if (job.value.running) poll = setTimeout(() => void refreshJob(), POLL_MS)
    }
  }

  /** Loads everything the page shows, the job included. */
  async function load(): Promise<void> {
    await Promise.all([fromCall(api.currentJob), reload()])
  }

  function listen(): void {
    if (listening) return
    listening = true
    onEvent(Events.RoutingProgress, (data) => {
      const j = data as RoutingJob
      events++
      setJob(j)
      // The final state may overtake the reply that started the job; what the job produced is loaded anyway.
      if (!j.running) reload().catch(() => {})
    })
    const changed = () => {
      revision.value++
      reload().catch(() => {})
    }
    onEvent(Events.RoutingChanged, changed)
    onEvent(Events.DataRestored, changed)
  }

  const startTraining = () => fromCall(api.startTraining)
  const startEvaluation = (folds: number) => fromCall(() => api.startEvaluation(folds))
  const cancel = () => fromCall(api.cancelJob)

  return { job, model, history, evaluation, revision, load, reload, listen, startTraining, startEvaluation, cancel }
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../api/routing', () => ({
  modelInfo: vi.fn(),
  routingHistory: vi.fn(),
  lastEvaluation: vi.fn(),
  currentJob: vi.fn(),
  startTraining: vi.fn(),
  startEvaluation: vi.fn(),
  cancelJob: vi.fn(),
}))

const handlers = new Map<string, (...data: unknown[]) => void>()
vi.mock('../api/events', () => ({
  Events: { RoutingProgress: 'routing:progress', RoutingChanged: 'routing:changed', DataRestored: 'data:restored' },
  onEvent: (name: string, h: (...data: unknown[]) => void) => {
    handlers.set(name, h)
    return () => handlers.delete(name)
  },
}))

import * as api from '../api/routing'
import type { RoutingJob } from '../api/routing'
import { noEvaluation, noJob, useRoutingStore } from './routing'

const STARTED = '2026-11-20T09:00:00+08:00'
const running = (done = 0): RoutingJob => ({ ...noJob(), kind: 'train', running: true, stage: '训练分类器', done, total: 10, startedAt: STARTED })
const ended = (): RoutingJob => ({ ...running(10), running: false, stage: '完成', endedAt: STARTED })
const emit = (name: string, data?: unknown) => handlers.get(name)!(data)

describe('routing store', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.useFakeTimers()
    handlers.clear()
    setActivePinia(createPinia())
    vi.mocked(api.modelInfo).mockResolvedValue({ trained: false, trainedAt: '', examples: 0, topics: 0, sizeBytes: 0, seconds: 0 })
    vi.mocked(api.routingHistory).mockResolvedValue({ total: 0, imported: 0, decisions: 0, byTopic: [], newSinceModel: 0 })
    vi.mocked(api.lastEvaluation).mockResolvedValue(noEvaluation())
    vi.mocked(api.currentJob).mockResolvedValue(noJob())
  })
  afterEach(() => vi.useRealTimers())

  it('follows the progress events and reloads the model when the job ends', async () => {
    const store = useRoutingStore()
    store.listen()
    await store.load()
    emit('routing:progress', running(4))
    expect(store.job.done).toBe(4)
    vi.mocked(api.modelInfo).mockResolvedValue({ trained: true, trainedAt: STARTED, examples: 10, topics: 2, sizeBytes: 100, seconds: 1 })
    emit('routing:progress', ended())
    await vi.waitFor(() => expect(store.model.trained).toBe(true))
    expect(store.job.running).toBe(false)
  })

  it('keeps the end of a short job that overtook the reply starting it, even with the same start time', async () => {
    const store = useRoutingStore()
    store.listen()
    await store.load()
    let reply!: (j: RoutingJob) => void
    vi.mocked(api.startTraining).mockReturnValue(new Promise((r) => (reply = r)))
    const started = store.startTraining()
    emit('routing:progress', ended())
    reply(running())
    await started
    expect(store.job.running).toBe(false)
    expect(store.job.stage).toBe('完成')
  })

  it('takes the reply of a start when no event came first, and polls until the job ends', async () => {
    const store = useRoutingStore()
    store.listen()
    await store.load()
    vi.mocked(api.startTraining).mockResolvedValue(running())
    await store.startTraining()
    expect(store.job.running).toBe(true)
    vi.mocked(api.currentJob).mockResolvedValue(ended())
    vi.mocked(api.modelInfo).mockResolvedValue({ trained: true, trainedAt: STARTED, examples: 10, topics: 2, sizeBytes: 100, seconds: 1 })
    await vi.advanceTimersByTimeAsync(2000)
    expect(store.job.running).toBe(false)
    await vi.waitFor(() => expect(store.model.trained).toBe(true))
  })
})

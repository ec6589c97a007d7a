import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../api/consultations', () => ({ consultationOptions: vi.fn() }))
vi.mock('../api/policies', () => ({ policyOptions: vi.fn() }))
const handlers = new Map<string, () => void>()
vi.mock('../api/events', async (orig) => ({
  ...(await orig<typeof import('../api/events')>()),
  onEvent: vi.fn((name: string, h: () => void) => {
    handlers.set(name, h)
    return () => {}
  }),
}))

import { consultationOptions } from '../api/consultations'
import { policyOptions } from '../api/policies'
import { onEvent } from '../api/events'
import { SETTLE_MS, useConsultationsStore } from './consultations'

const popts = { categories: ['规范性文件'], statuses: ['起草'], disclosureTypes: ['主动公开'], versionKinds: ['征求意见稿'] }
const copts = { channels: ['网站'], commenterCategories: ['自然人'], decisions: ['采纳'], statuses: ['征求中'], minCommentDays: 30 }

describe('consultations store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.clearAllMocks()
    handlers.clear()
  })

  it('loads the value lists once for every caller', async () => {
    vi.mocked(policyOptions).mockResolvedValue(popts)
    vi.mocked(consultationOptions).mockResolvedValue(copts)
    const store = useConsultationsStore()
    await Promise.all([store.ensureOptions(), store.ensureOptions()])
    await store.ensureOptions()
    expect(policyOptions).toHaveBeenCalledTimes(1)
    expect(store.policy.categories).toEqual(['规范性文件'])
    expect(store.consultation.channels).toEqual(['网站'])
  })

  it('tries again after a failure', async () => {
    vi.mocked(policyOptions).mockRejectedValueOnce(new Error('x')).mockResolvedValue(popts)
    vi.mocked(consultationOptions).mockResolvedValue(copts)
    const store = useConsultationsStore()
    await expect(store.ensureOptions()).rejects.toThrow()
    await store.ensureOptions()
    expect(policyOptions).toHaveBeenCalledTimes(2)
    expect(store.policy.statuses).toEqual(['起草'])
  })

  it('moves its revision once after a burst of change events, subscribing once', () => {
    vi.useFakeTimers()
    try {
      const store = useConsultationsStore()
      store.listen()
      store.listen()
      expect(onEvent).toHaveBeenCalledTimes(4)
      for (const name of ['policies:changed', 'consultations:changed', 'comments:changed', 'data:restored']) handlers.get(name)!()
      expect(store.revision).toBe(0)
      vi.advanceTimersByTime(SETTLE_MS)
      expect(store.revision).toBe(1)
      handlers.get('comments:changed')!()
      vi.advanceTimersByTime(SETTLE_MS)
      expect(store.revision).toBe(2)
    } finally {
      vi.useRealTimers()
    }
  })
})

import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../../wailsjs/go/app/MailboxService', () => ({ ListMessages: vi.fn() }))

import * as go from '../../wailsjs/go/app/MailboxService'
import { listMessages, tabCounts } from './mailbox'

const counts = { 待分办: 3, 办理中: 5, 待审核: 0, 已答复: 2, 已公开: 1, 转办: 0 }

describe('inbox list', () => {
  beforeEach(() => vi.clearAllMocks())

  it('gets the page and the per-state counts in one call', async () => {
    vi.mocked(go.ListMessages).mockResolvedValue({ total: 5, page: 1, pageSize: 30, items: [], stateCounts: counts } as never)
    const filter = { state: '办理中', text: '房' } as never
    const page = await listMessages(filter)
    expect(go.ListMessages).toHaveBeenCalledTimes(1)
    expect(go.ListMessages).toHaveBeenCalledWith(filter)
    expect(page.items).toEqual([])
    expect(page.stateCounts).toEqual(counts)
  })

  it('puts the sum of the states under 全部', () => {
    expect(tabCounts(counts)).toEqual({ '': 11, ...counts })
    expect(tabCounts({})).toEqual({ '': 0 })
  })
})

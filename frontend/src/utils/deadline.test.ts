import { describe, expect, it } from 'vitest'
import { deadlineBadge } from './deadline'

describe('deadlineBadge', () => {
  it.each([
    [{ status: 'overdue', label: '', workdays: -2 }, { text: '已超期2个工作日', tone: 'red' }],
    [{ status: 'due_today', label: '', workdays: 0 }, { text: '今日到期', tone: 'orange' }],
    [{ status: 'pending', label: '', workdays: 3 }, { text: '剩余3个工作日', tone: 'blue' }],
    [{ status: 'warning', label: '待导入', workdays: 0 }, { text: '待导入', tone: 'yellow' }],
    [{ status: 'warning', label: '', workdays: 0 }, { text: '提醒', tone: 'yellow' }],
    [{ status: 'info', label: '还有5个工作日', workdays: 5 }, { text: '还有5个工作日', tone: 'grey' }],
    [{ status: 'something_new', label: '', workdays: 0 }, { text: '提示', tone: 'grey' }],
  ])('%o → %o', (d, want) => {
    expect(deadlineBadge(d)).toEqual(want)
  })

  it('words counted statuses from the working days, not from the label', () => {
    expect(deadlineBadge({ status: 'pending', label: 'stale', workdays: 1 }).text).toBe('剩余1个工作日')
    expect(deadlineBadge({ status: 'overdue', label: 'stale', workdays: 4 }).text).toBe('已超期4个工作日')
  })
})

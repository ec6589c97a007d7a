import { describe, expect, it } from 'vitest'
import type { Deadline, Today } from '../api/types'
import { todayCounters, todayGroups } from './today'

const d = (title: string): Deadline =>
  ({ module: '局长信箱', kind: 'mailbox.reply', title, detail: '', due: '2026-11-20', status: 'overdue', label: '', workdays: 1, link: '', personId: 0, sectionId: 0, setup: false }) as Deadline

const today = (parts: Partial<Today>): Today =>
  ({ scope: 'all', overdue: [], dueToday: [], soon: [], later: [], signoffs: [], setup: [], ...parts }) as Today

describe('today', () => {
  it('counts the four headings, zero included', () => {
    const t = today({ overdue: [d('a'), d('b')], signoffs: [d('c')], later: [d('x')] })
    expect(todayCounters(t).map((c) => [c.title, c.count])).toEqual([
      ['已超期', 2],
      ['今日到期', 0],
      ['3个工作日内', 0],
      ['待我审核', 1],
    ])
    expect(todayCounters(null).every((c) => c.count === 0)).toBe(true)
  })

  it('lists only the groups that hold something, most urgent first', () => {
    const t = today({ later: [d('x')], soon: [d('s')], overdue: [d('o')] })
    expect(todayGroups(t).map((g) => [g.key, g.title, g.items.length])).toEqual([
      ['overdue', '已超期', 1],
      ['soon', '3个工作日内', 1],
      ['later', '其他待办', 1],
    ])
    expect(todayGroups(null)).toEqual([])
    expect(todayGroups(today({}))).toEqual([])
  })
})

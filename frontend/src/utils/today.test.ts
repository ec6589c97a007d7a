import { describe, expect, it } from 'vitest'
import type { Deadline, Today } from '../api/types'
import { missingHolidayYear, todayCounters, todayGroups } from './today'

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

describe('missingHolidayYear', () => {
  const h = { name: '元旦', start: '2026-01-01', end: '2026-01-03', days: 3, makeupWorkdays: [] }
  const info = (date: string, yearCovered: boolean, nextCovered: boolean, n: number) => ({
    date,
    yearCovered,
    nextCovered,
    nextHolidays: Array.from({ length: n }, () => h),
  })
  it.each([
    ['December, next year missing, nothing left this year', info('2026-12-02', true, false, 0), 2027],
    ['October after 国庆, next year missing: the card would be empty', info('2026-10-09', true, false, 0), 2027],
    ['September, 国庆 still ahead but the list runs out', info('2026-09-01', true, false, 1), 2027],
    ['March, three holidays of this year ahead', info('2026-03-02', true, false, 3), 0],
    ['this year missing', info('2028-02-01', false, false, 0), 2028],
    ['both years imported', info('2026-12-02', true, true, 2), 0],
    ['no answer yet', null, 0],
  ])('%s', (_name, i, want) => {
    expect(missingHolidayYear(i)).toBe(want)
  })
})

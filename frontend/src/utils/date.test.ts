import { describe, expect, it } from 'vitest'
import { formatDateCn, formatStamp, monthWeeks, parseDate, shiftMonth, weekdayName, weekdayOf } from './date'

describe('date helpers', () => {
  it('parses only real dates', () => {
    expect(parseDate('2026-11-20')).toEqual({ year: 2026, month: 11, day: 20 })
    expect(parseDate('2026-02-29')).toBeNull()
    expect(parseDate('2028-02-29')).not.toBeNull()
    expect(parseDate('2026-1-5')).toBeNull()
  })

  it('names weekdays in Chinese', () => {
    expect(weekdayName('2026-11-20')).toBe('周五')
    expect(weekdayName('2027-02-06')).toBe('周六')
    expect(weekdayOf('2026-11-22')).toBe(0)
    expect(weekdayName('bad')).toBe('')
  })

  it('formats dates and stamps', () => {
    expect(formatDateCn('2026-01-05')).toBe('2026年1月5日')
    expect(formatStamp('2026-11-20T09:00:00+08:00')).toBe('2026-11-20 09:00')
    expect(formatStamp('')).toBe('')
  })

  it('moves across year ends', () => {
    expect(shiftMonth(2026, 12, 1)).toEqual({ year: 2027, month: 1 })
    expect(shiftMonth(2026, 1, -1)).toEqual({ year: 2025, month: 12 })
  })

  it('lays out months Monday first', () => {
    // November 2026 starts on a Sunday: six empty cells, then the 1st in the last column.
    const nov = monthWeeks(2026, 11)
    expect(nov[0]).toEqual([null, null, null, null, null, null, '2026-11-01'])
    expect(nov.at(-1)).toEqual(['2026-11-30', null, null, null, null, null, null])
    expect(nov.flat().filter(Boolean)).toHaveLength(30)
    // February 2027 starts on a Monday and fills exactly four weeks.
    expect(monthWeeks(2027, 2)).toHaveLength(4)
    expect(monthWeeks(2027, 2)[0][0]).toBe('2027-02-01')
  })
})

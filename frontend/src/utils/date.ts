// Civil dates written YYYY-MM-DD. "Today" always comes from the Go side (its clock can be fixed for
// demos and tests); these helpers only do calendar arithmetic on date strings, in UTC so that the
// machine's time zone never shifts a day.
import { weekdayShort } from '../i18n/zh-CN'

export interface YMD {
  year: number
  month: number // 1–12
  day: number
}

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/

export function parseDate(s: string): YMD | null {
  const m = pattern.exec(s)
  if (!m) return null
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
  const t = new Date(Date.UTC(ymd.year, ymd.month - 1, ymd.day))
  if (t.getUTCMonth() !== ymd.month - 1 || t.getUTCDate() !== ymd.day) return null
  return ymd
}

const pad = (n: number) => String(n).padStart(2, '0')

export function formatDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  const d = parseDate(date)
  if (!d) return -1
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()
}

export function weekdayName(date: string): string {
  return weekdayShort[weekdayOf(date)] ?? ''
}

/** 2026-11-20 → 2026年11月20日 */
export function formatDateCn(date: string): string {
  const d = parseDate(date)
  return d ? `${d.year}年${d.month}月${d.day}日` : date
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The month after (delta = 1) or before (delta = -1) the given one. */
export function shiftMonth(year: number, month: number, delta: number): { year: number; month: number } {
  const i = year * 12 + (month - 1) + delta
  return { year: Math.floor(i / 12), month: (i % 12) + 1 }
}

/**
 * Lays a month out in Monday-first weeks of dates; the cells before the 1st and after the last day are null.
 */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7 // 0 = Monday
  const cells: (string | null)[] = Array.from({ length: first }, () => null)
  for (let d = 1; d <= daysInMonth(year, month); d++) cells.push(formatDate(year, month, d))
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: (string | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

/** An RFC 3339 time stamp from the Go side as "2026-11-20 09:00" (China has one time zone, so it is dropped). */
export function formatStamp(stamp: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(stamp)
  return m ? `${m[1]} ${m[2]}` : stamp
}

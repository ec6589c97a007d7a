// The 工作台's "today": its counters and its groups of deadlines, in the order an officer works through them.
import type { Deadline, Today, TodayInfo } from '../api/types'
import type { BadgeTone } from './deadline'

export type TodayGroupKey = 'overdue' | 'dueToday' | 'soon' | 'signoffs' | 'later'

export interface TodayGroup {
  key: TodayGroupKey
  title: string
  tone: BadgeTone
  items: Deadline[]
}

/** The groups' headings and tones; the first four are also the counters at the top of the page. */
export const todayGroupTitles: Record<TodayGroupKey, { title: string; tone: BadgeTone }> = {
  overdue: { title: '已超期', tone: 'red' },
  dueToday: { title: '今日到期', tone: 'orange' },
  soon: { title: '3个工作日内', tone: 'blue' },
  signoffs: { title: '待我审核', tone: 'yellow' },
  later: { title: '其他待办', tone: 'grey' },
}

const order: TodayGroupKey[] = ['overdue', 'dueToday', 'soon', 'signoffs', 'later']

/** The counters at the top: 已超期, 今日到期, 3个工作日内 and 待我审核, zero included. */
export function todayCounters(t: Today | null): Array<{ key: TodayGroupKey; title: string; tone: BadgeTone; count: number }> {
  return order
    .filter((k) => k !== 'later')
    .map((k) => ({ key: k, ...todayGroupTitles[k], count: t ? t[k].length : 0 }))
}

/** The groups that hold something, most urgent first. */
export function todayGroups(t: Today | null): TodayGroup[] {
  if (!t) return []
  return order.filter((k) => t[k].length > 0).map((k) => ({ key: k, ...todayGroupTitles[k], items: t[k] }))
}

/** The scopes of the switch. */
export const todayScopes = [
  { label: '我的', value: 'mine' },
  { label: '本科室', value: 'section' },
  { label: '全部', value: 'all' },
]

/** How many holidays the 近期节假日 card lists (the Go side sends up to three). */
export const HOLIDAYS_SHOWN = 3

/**
 * The year whose holiday notice the 近期节假日 card must ask for: this year's when it is not imported;
 * next year's when it is not imported and this year's remaining holidays no longer fill the card (so the
 * list, or its emptiness, would otherwise hide that 元旦 and 春节 are unknown). 0 when nothing is missing.
 */
export function missingHolidayYear(info: Pick<TodayInfo, 'date' | 'yearCovered' | 'nextCovered' | 'nextHolidays'> | null): number {
  const year = Number(info?.date.slice(0, 4))
  if (!info || !year) return 0
  if (!info.yearCovered) return year
  if (!info.nextCovered && info.nextHolidays.length < HOLIDAYS_SHOWN) return year + 1
  return 0
}

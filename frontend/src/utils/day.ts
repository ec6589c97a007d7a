// How a day's kind is shown: badges, cell classes and hover text.
import type { CalendarDay } from '../api/types'
import { DayKind, weekdayShort } from '../i18n/zh-CN'

export type DayTone = 'green' | 'red' | 'orange' | 'grey'

/** The badge of a day: 工作日 (green), 法定节假日 (red, with the holiday's name), 调休上班 (orange), 周末 (grey). */
export function dayBadge(d: Pick<CalendarDay, 'kind' | 'name'>): { text: string; tone: DayTone } {
  switch (d.kind) {
    case DayKind.Holiday:
      return { text: d.name ? `${DayKind.Holiday} · ${d.name}` : DayKind.Holiday, tone: 'red' }
    case DayKind.Makeup:
      return { text: DayKind.Makeup, tone: 'orange' }
    case DayKind.Weekend:
      return { text: DayKind.Weekend, tone: 'grey' }
    default:
      return { text: DayKind.Workday, tone: 'green' }
  }
}

/** CSS modifier classes of a calendar cell. */
export function dayClasses(d: Pick<CalendarDay, 'kind' | 'edited'>, today: boolean): Record<string, boolean> {
  return {
    'is-holiday': d.kind === DayKind.Holiday,
    'is-makeup': d.kind === DayKind.Makeup,
    'is-weekend': d.kind === DayKind.Weekend,
    'is-edited': d.edited,
    'is-today': today,
  }
}

/** The hover text of a calendar cell, e.g. "2026-10-01 周四 · 法定节假日(国庆节)". */
export function dayTitle(d: Pick<CalendarDay, 'date' | 'weekday' | 'kind' | 'name' | 'note' | 'edited'>): string {
  let s = `${d.date} ${weekdayShort[d.weekday] ?? ''} · ${d.kind}`
  if (d.name) s += `(${d.name})`
  if (d.edited) s += ' · 已手工调整'
  if (d.note) s += ` · 备注：${d.note}`
  return s
}

// Typed wrapper of CalendarService: the working-day calendar and every date computed from it.
import * as go from '../../wailsjs/go/app/CalendarService'
import { call } from './errors'
import type {
  CalendarDay,
  CalendarDayEdit,
  CalendarYear,
  CalendarYearInfo,
  DueResult,
  NoticePreview,
  TodayInfo,
} from './types'

export const getYear = (year: number): Promise<CalendarYear> => call(() => go.GetYear(year))
export const listYears = (): Promise<CalendarYearInfo[]> => call(() => go.ListYears())
export const setDay = (edit: CalendarDayEdit): Promise<CalendarDay> => call(() => go.SetDay(edit))

export const previewNotice = (text: string, defaultYear: number): Promise<NoticePreview> =>
  call(() => go.PreviewNotice(text, defaultYear))
export const applyNotice = (text: string, defaultYear: number): Promise<CalendarYearInfo> =>
  call(() => go.ApplyNotice(text, defaultYear))

export const getToday = (): Promise<TodayInfo> => call(() => go.Today())
/** The date n working days after date (the date itself not counted). */
export const addWorkdays = (date: string, n: number): Promise<DueResult> => call(() => go.AddWorkdays(date, n))
/** The earliest lawful close date of a period of days natural days opened on date. */
export const periodEnd = (date: string, days: number): Promise<string> => call(() => go.PeriodEnd(date, days))

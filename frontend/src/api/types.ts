// The data types of the Go services, as the frontend sees them. Values arriving over the bridge are plain
// JSON objects, not instances of the generated classes, so only the data fields are kept.
import type { app, core } from './wailsjs/go/models'

export type Data<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] }

export type Bureau = Data<core.Bureau>
export type Section = Data<core.Section>
export type Person = Data<core.Person>
/** The signed-in person as every form sees it (from the session). */
export interface CurrentUser {
  personId: number
  name: string
  sectionId: number
  sectionName: string
  role: string
  title: string
  set: boolean
}
export type Option = Data<core.Option>

export type CalendarDay = Data<core.CalendarDay>
export type CalendarYear = Omit<Data<core.CalendarYear>, 'days'> & { days: CalendarDay[] }
export type CalendarYearInfo = Data<core.CalendarYearInfo>
export type CalendarDayEdit = Data<core.CalendarDayEdit>
export type HolidaySpan = Data<core.HolidaySpan>
export type NoticeLine = Data<core.NoticeLine>
export type DayChange = Data<core.DayChange>
export type NoticePreview = Omit<Data<core.NoticePreview>, 'lines' | 'changes'> & { lines: NoticeLine[]; changes: DayChange[] }
export type TodayInfo = Omit<Data<core.TodayInfo>, 'nextHolidays'> & { nextHolidays: HolidaySpan[] }
export type DueResult = Data<core.DueResult>

export type Deadline = Data<core.Deadline>
export type MonthDay = Data<core.MonthDay>
export type MonthView = Omit<Data<core.MonthView>, 'weeks'> & { weeks: MonthDay[][] }

export type SystemInfo = Data<app.SystemInfo>

export type BackupInfo = Data<core.BackupInfo>
export type RestoreResult = { restored: BackupInfo; safetyCopy: BackupInfo }
export type AuditEntry = Data<core.AuditEntry>
export type AuditFilter = Data<core.AuditFilter>
export type AuditPage = { total: number; entries: AuditEntry[] }
export type AuditCheck = Data<core.AuditCheck>

/** How a day of the calendar can be set: a rest day, a 调休 working day, or back to the Monday–Friday rule. */
export type DayEditKind = 'holiday' | 'workday' | 'default'

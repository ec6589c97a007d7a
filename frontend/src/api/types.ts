// The data types shared by several services, as the generated bindings declare them (interfaces of the Go
// structs' JSON; every list and map arrives non-null, see app/nonnil.go).
import type { app, core } from '../../wailsjs/go/models'

export type Bureau = core.Bureau
export type Section = core.Section
export type Person = core.Person
/** The signed-in person as every form sees it (from the session). */
export type CurrentUser = core.CurrentUser
export type Option = core.Option

export type CalendarDay = core.CalendarDay
export type CalendarYear = core.CalendarYear
export type CalendarYearInfo = core.CalendarYearInfo
export type CalendarDayEdit = core.CalendarDayEdit
export type HolidaySpan = core.HolidaySpan
export type NoticeLine = core.NoticeLine
export type DayChange = core.DayChange
export type NoticePreview = core.NoticePreview
export type TodayInfo = core.TodayInfo
export type DueResult = core.DueResult

export type Deadline = core.Deadline
export type Today = core.Today
export type MonthDay = core.MonthDay
export type MonthView = core.MonthView

export type SystemInfo = app.SystemInfo

export type BackupInfo = core.BackupInfo
export type RestoreResult = core.RestoreResult
export type AuditEntry = core.AuditEntry
export type AuditFilter = core.AuditFilter
export type AuditPage = core.AuditPage
export type AuditCheck = core.AuditCheck
export type ExportedFile = app.ExportedFile

/** How a day of the calendar can be set: a rest day, a 调休 working day, or back to the Monday–Friday rule. */
export type DayEditKind = 'holiday' | 'workday' | 'default'

// Typed wrapper of DashboardService: the 工作台's deadlines and month calendar.
import * as go from '../../wailsjs/go/app/DashboardService'
import { call } from './errors'
import type { Deadline, MonthView, Today } from './types'

export const listDeadlines = (): Promise<Deadline[]> => call(() => go.Deadlines())
export const getMonthView = (year: number, month: number): Promise<MonthView> => call(() => go.MonthView(year, month))
/** The 工作台's today for the signed-in person: scope '' opens on their default (mine / section / all). */
export const getToday = (scope: string): Promise<Today> => call(() => go.Today(scope))

// Typed wrapper of DashboardService: the 工作台's deadlines and month calendar.
import * as go from '../../wailsjs/go/app/DashboardService'
import { call } from './errors'
import type { Deadline, MonthView } from './types'

export const listDeadlines = (): Promise<Deadline[]> => call(() => go.Deadlines())
export const getMonthView = (year: number, month: number): Promise<MonthView> => call(() => go.MonthView(year, month))

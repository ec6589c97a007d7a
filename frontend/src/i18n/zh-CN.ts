// Chinese labels used across the UI. Role names come from SettingsService.Roles(); the copy here is the
// fallback for screens drawn before that list has arrived.

export const roleLabels: Record<string, string> = {
  drafter: '起草人员',
  officer: '政务公开专员',
  mailbox: '信箱管理员',
  handler: '承办人员',
  approver: '审核审签人员',
  admin: '系统管理员',
}

export const deadlineStatusLabels: Record<string, string> = {
  overdue: '已超期',
  due_today: '今日到期',
  pending: '办理中',
  warning: '提醒',
  info: '提示',
}

/** The kinds of day the calendar reports (core.CalendarDay.Kind). */
export const DayKind = {
  Workday: '工作日',
  Weekend: '周末',
  Holiday: '法定节假日',
  Makeup: '调休上班',
} as const

/** What each edit of a day does, as offered in the day dialog. */
export const dayEditLabels = {
  holiday: '休息日',
  workday: '调休上班',
  default: '恢复默认',
} as const

export const weekdayShort = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

/** Column heads of a Monday-first calendar. */
export const weekHeads = ['一', '二', '三', '四', '五', '六', '日'] as const


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


/** What an audit entry did (core.AuditEntry.Action). */
export const auditActionLabels: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  state: '状态变更',
  sign: '审签',
  publish: '发布',
  import: '导入',
}

/** The kinds of record the audit trail names (core.AuditEntry.Entity), in the order the filter offers them. */
export const auditEntityLabels: Record<string, string> = {
  bureau: '单位信息',
  section: '科室',
  person: '人员',
  current_user: '当前使用人',
  calendar_day: '工作日历',
  calendar_year: '年度节假日安排',
  policy: '政策文件',
  policy_version: '文件文本版本',
  consultation: '征求意见',
  comment: '意见',
  comment_batch: '意见导入批次',
  comment_group: '意见归并组',
  interpretation: '政策解读',
  message: '留言',
  import_batch: '留言导入批次',
  topic: '留言类别',
  reply_template: '答复模板',
  mailbox_settings: '信箱设置',
  mailbox_imap: '收件邮箱',
  setting: '系统设置',
}

/**
 * Field names in an audit entry's changes, for the old → new table. A key "entity.field" names a field of
 * one kind of record where the general name would be vague (a person's title is 职务, a policy's 标题).
 */
export const auditFieldLabels: Record<string, string> = {
  name: '名称',
  'section.name': '科室名称',
  'person.name': '姓名',
  'person.title': '职务',
  'bureau.name': '单位全称',
  'bureau.short_name': '简称',
  'bureau.address': '地址',
  'bureau.phone': '联系电话',
  'bureau.website': '门户网站',
  short_name: '简称',
  address: '地址',
  phone: '电话',
  website: '网址',
  email: '邮箱',
  title: '标题',
  role: '角色',
  active: '启用',
  head_id: '负责人',
  section_id: '科室',
  drafter_id: '起草人',
  assignee_id: '承办人',
  duties: '主要职责',
  sort_order: '排序',
  person: '使用人',
  kind: '类型',
  note: '备注',
  days: '天数',
  source: '依据',
  reason: '理由',
  status: '状态',
  state: '状态',
  body: '正文',
  subject: '主题',
  decision: '处理意见',
  response: '答复',
  open_date: '开始日期',
  close_date: '截止日期',
  due_date: '办理期限',
  doc_number: '文号',
  category: '类别',
  channel: '渠道',
  channels: '渠道',
  contact: '联系方式',
  commenter: '意见人',
  received_date: '收到日期',
  file_name: '文件名',
  rows: '行数',
}

/** The label of a code from one of the maps above, or the code itself when it has none yet. */
export function labelOf(labels: Record<string, string>, code: string): string {
  return Object.hasOwn(labels, code) ? labels[code] : code
}

// Pure helpers of the 征求意见 pages: badges, decision labels, the import's column mapping, file reading.
import type { BadgeTone } from '../../utils/deadline'
import { hasNativeDialogs } from '../../api/transport'
import type { Consultation, ImportField, ImportPreview } from '../../api/consultations'

export interface Badge {
  text: string
  tone: BadgeTone | 'green'
}

/**
 * The badge of a consultation's period: 未开始 from the open date, the countdown the Go side computed
 * with the working-day calendar while it is open ("剩余N个工作日", "今日到期"), 已截止 after it.
 */
export function periodBadge(c: Pick<Consultation, 'status' | 'countdownLabel' | 'openDate'>): Badge {
  switch (c.status) {
    case '未开始':
      return { text: `${c.openDate}开始`, tone: 'grey' }
    case '征求中': {
      const label = c.countdownLabel || '征求中'
      return { text: label, tone: label === '今日到期' ? 'orange' : 'blue' }
    }
    default:
      return { text: '已截止', tone: 'grey' }
  }
}

/** The tone of each consultation status tag. */
export function statusTone(status: string): Badge['tone'] {
  return ({ 未开始: 'grey', 征求中: 'blue', 已截止: 'yellow' } as Record<string, Badge['tone']>)[status] ?? 'grey'
}

/**
 * The 采纳情况说明's state: 已发布 with its date; after the close, the countdown the Go side computed with
 * the working-day calendar (剩余N个工作日 / 今日到期 / 已超期N个工作日); 未发布 while the period runs.
 * prefix names the report where the badge stands without a column title (the consultation page).
 */
export function reportBadge(c: Pick<Consultation, 'reportPublished' | 'reportStatus' | 'reportLabel'>, prefix = ''): Badge {
  if (c.reportPublished) return { text: `${prefix}已发布 ${c.reportPublished}`, tone: 'green' }
  switch (c.reportStatus) {
    case 'overdue':
      return { text: `${prefix}${c.reportLabel}`, tone: 'red' }
    case 'due_today':
      return { text: `${prefix}今日到期`, tone: 'orange' }
    case 'pending':
      return { text: `${prefix}待发布 ${c.reportLabel}`, tone: 'blue' }
    default:
      return { text: `${prefix}未发布`, tone: 'grey' }
  }
}

/** The decision badge; a comment without one reads 未处理, a group with mixed decisions 不一致. */
export function decisionBadge(decision: string): Badge {
  switch (decision) {
    case '采纳':
      return { text: '采纳', tone: 'green' }
    case '部分采纳':
      return { text: '部分采纳', tone: 'blue' }
    case '不予采纳':
      return { text: '不予采纳', tone: 'red' }
    case '不属于征求范围':
      return { text: '不属于征求范围', tone: 'grey' }
    case '不一致':
      return { text: '处理结果不一致', tone: 'orange' }
    default:
      return { text: '未处理', tone: 'yellow' }
  }
}

/** A reason is required for every decision except 采纳, since the reasons for not adopting are published. */
export function reasonRequired(decision: string): boolean {
  return decision !== '' && decision !== '采纳'
}

/** The policy statuses' badge tones. */
export function policyStatusTone(status: string): Badge['tone'] {
  return (
    ({ 起草: 'grey', 征求意见: 'blue', 审签: 'orange', 已发布: 'green', 已废止: 'red', 已修订: 'yellow' } as Record<string, Badge['tone']>)[status] ??
    'grey'
  )
}

/** "-1" in a select means "not imported". */
export const NO_COLUMN = -1

/**
 * The mapping the import form starts with: the preview's suggestion for each field, and "no column" for
 * the fields it could not place, so every select has a value.
 */
export function defaultMapping(preview: Pick<ImportPreview, 'fields' | 'mapping'>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const f of preview.fields) out[f.key] = preview.mapping?.[f.key] ?? NO_COLUMN
  return out
}

/** The mapping as the Go side takes it: fields left without a column are omitted. */
export function mappingForRequest(mapping: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(mapping).filter(([, col]) => col >= 0))
}

/** Required fields that have no column yet. */
export function unmappedRequired(fields: ImportField[], mapping: Record<string, number>): ImportField[] {
  return fields.filter((f) => f.required && (mapping[f.key] ?? NO_COLUMN) < 0)
}

/** Reads a picked file as base64 (without the data: URL prefix). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(new Error('无法读取所选文件'))
    reader.readAsDataURL(file)
  })
}

/** "第二章/第五条" → "第五条", the last step of a clause path, for compact columns. */
export function clauseLabel(path: string): string {
  const i = path.lastIndexOf('/')
  return i >= 0 ? path.slice(i + 1) : path
}

/** Whether the app runs in the desktop webview (native dialogs) rather than a plain browser. */
export function isDesktop(): boolean {
  // a desk working on a server's data has no server-side files to hand a native dialog's path to
  if (!hasNativeDialogs()) return false
  const w = window as unknown as { chrome?: { webview?: unknown }; webkit?: { messageHandlers?: { external?: unknown } } }
  return Boolean(w.chrome?.webview || w.webkit?.messageHandlers?.external)
}

/** What a decision applies to: single comments, or whole groups (each group's members at once). */
export interface DecideTarget {
  commentIds: number[]
  groupIds: number[]
  /** how many comments that covers, for the dialog's title */
  count: number
  /** the text of the comments or groups being decided, shown in the dialog (the first few) */
  texts: string[]
}

/** A count's share of the total as a percentage with one decimal ("12.5%"); "—" when there is no total. */
export function share(count: number, total: number): string {
  if (total <= 0) return '—'
  return `${(Math.round((count / total) * 1000) / 10).toFixed(1)}%`
}

/**
 * A clause's text without its marker, which the page shows separately: the body repeats the marker
 * ("第五条 本办法自…"), and a chapter's body is only its heading ("第一章 总则").
 */
export function clauseText(c: { number: string; heading: string; body: string }): string {
  const text = (c.body || c.heading).trim()
  return c.number && text.startsWith(c.number) ? text.slice(c.number.length).trim() : text
}

/** Text cut to n characters with an ellipsis, for headings quoted in narrow table cells. */
export function clip(text: string, n: number): string {
  const chars = Array.from(text)
  return chars.length > n ? chars.slice(0, n).join('') + '…' : text
}

/** The title of a group's member list: a large group (a campaign) carries its first members only, and says so. */
export function membersTitle(g: { count: number; members: unknown[] }): string {
  return g.members.length < g.count ? `查看前${g.members.length}条成员意见(共${g.count}条)` : `查看${g.members.length}条成员意见`
}

// Pure helpers of the 局长信箱 pages: highlighted text from the matcher's spans, due and state badges,
// the inbox filter as a URL query, confidence wording, and the statistics' periods.
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { Badge } from '../consultations/helpers'
import type { MatchedWord, MessageFilter, MessageListItem, TopicScore } from '../../api/mailbox'

/** The handling steps of a message that open the action dialog. */
export type MessageAction =
  | 'reroute'
  | 'assign'
  | 'stop'
  | 'stopApprove'
  | 'stopReject'
  | 'forward'
  | 'approve'
  | 'return'
  | 'remind'
  | 'extend'
  | 'extendApprove'
  | 'extendReject'

/** A piece of a message's text; `word` is set for a matched word, which the page shows as <mark>. */
export interface Segment {
  text: string
  word?: string
}

/** The text the matcher's spans index: subject + "\n" + body, or the body alone when there is no subject. */
export function matchedText(subject: string, body: string): string {
  return subject ? `${subject}\n${body}` : body
}

/**
 * Cuts text into plain and matched segments from spans given as UTF-16 offsets (JavaScript string
 * indices). Spans outside the text are dropped; overlapping spans are merged into the earlier one, so
 * every character appears exactly once and the segments joined give back the text.
 */
export function highlightSegments(text: string, words: Pick<MatchedWord, 'word' | 'spans'>[]): Segment[] {
  const spans = words
    .flatMap((w) => w.spans.map((s) => ({ start: s.utf16Start, end: s.utf16End, word: w.word })))
    .filter((s) => s.start >= 0 && s.end > s.start && s.start < text.length)
    .map((s) => ({ ...s, end: Math.min(s.end, text.length) }))
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Segment[] = []
  let at = 0
  for (const s of spans) {
    if (s.end <= at) continue
    const start = Math.max(s.start, at)
    if (start > at) out.push({ text: text.slice(at, start) })
    out.push({ text: text.slice(start, s.end), word: s.word })
    at = s.end
  }
  if (at < text.length) out.push({ text: text.slice(at) })
  return out
}

/** Splits segments at line breaks, so that the subject line (before the first "\n") can be shown apart. */
export function splitFirstLine(segments: Segment[]): { first: Segment[]; rest: Segment[] } {
  const first: Segment[] = []
  const rest: Segment[] = []
  let inFirst = true
  for (const seg of segments) {
    if (!inFirst) {
      rest.push(seg)
      continue
    }
    const i = seg.text.indexOf('\n')
    if (i < 0) {
      first.push(seg)
      continue
    }
    if (i > 0) first.push({ ...seg, text: seg.text.slice(0, i) })
    if (i + 1 < seg.text.length) rest.push({ ...seg, text: seg.text.slice(i + 1) })
    inFirst = false
  }
  return { first, rest }
}

/**
 * The due badge of a message, from the status and working-day count the Go side computed with the
 * calendar: 剩余N个工作日 (green with more than one day left, blue with one), 今日到期 orange,
 * 已超期N个工作日 red; stopped clocks and answered messages show the Go side's label.
 */
export function dueBadge(m: Pick<MessageListItem, 'dueStatus' | 'dueLabel' | 'dueWorkdays'>): Badge {
  switch (m.dueStatus) {
    case 'overdue':
      return { text: `已超期${Math.abs(m.dueWorkdays)}个工作日`, tone: 'red' }
    case 'due_today':
      return { text: '今日到期', tone: 'orange' }
    case 'pending':
      return { text: `剩余${m.dueWorkdays}个工作日`, tone: m.dueWorkdays > 1 ? 'green' : 'blue' }
    case 'stopped':
      return { text: m.dueLabel || '已停止计时', tone: 'yellow' }
    default:
      return { text: m.dueLabel || '—', tone: m.dueLabel === '超期答复' ? 'red' : 'grey' }
  }
}

/** The tone of each message state. */
export function stateTone(state: string): Badge['tone'] {
  return (
    ({ 待分办: 'orange', 办理中: 'blue', 待审核: 'yellow', 已答复: 'green', 已公开: 'green', 转办: 'grey' } as Record<string, Badge['tone']>)[
      state
    ] ?? 'grey'
  )
}

/** The tone of each message type tag. */
export function typeTone(type: string): 'primary' | 'success' | 'warning' | 'danger' | 'info' {
  return ({ 咨询: 'primary', 建议: 'success', 投诉: 'warning', 举报: 'danger', 求助: 'warning' } as const)[type as '咨询'] ?? 'info'
}

/** A confidence in [0,1] as a whole percentage ("87%"). */
export function percent(v: number): string {
  return `${Math.round(Math.max(0, Math.min(1, v)) * 100)}%`
}

/** The top suggestions with their strongest words, at most n. */
export function topTopics(top: TopicScore[], n = 3): TopicScore[] {
  return top.slice(0, n)
}

export const PAGE_SIZE = 30
export const SORTS = ['urgent', 'received_desc', 'received_asc', 'due_asc'] as const

/** An inbox filter with every field at its "any" value. */
export function emptyFilter(): MessageFilter {
  return {
    state: '',
    sectionId: 0,
    assigneeId: 0,
    type: '',
    topicId: 0,
    channel: '',
    due: '',
    text: '',
    from: '',
    to: '',
    sort: 'urgent',
    page: 1,
    pageSize: PAGE_SIZE,
  }
}

const numberKeys = ['sectionId', 'assigneeId', 'topicId', 'page'] as const
const stringKeys = ['state', 'type', 'channel', 'due', 'text', 'from', 'to', 'sort'] as const

/** The filter as a URL query: only the fields that differ from emptyFilter, so addresses stay short. */
export function filterToQuery(f: MessageFilter): LocationQueryRaw {
  const base = emptyFilter()
  const q: LocationQueryRaw = {}
  for (const k of stringKeys) {
    const v = (f[k] ?? '').trim()
    if (v !== base[k]) q[k] = v
  }
  for (const k of numberKeys) if (f[k] && f[k] !== base[k]) q[k] = String(f[k])
  return q
}

/** The filter a URL query describes; unknown or malformed values fall back to "any". */
export function queryToFilter(q: LocationQuery): MessageFilter {
  const f = emptyFilter()
  const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '')
  for (const k of stringKeys) {
    const v = str(q[k])
    if (v) f[k] = v
  }
  if (!(SORTS as readonly string[]).includes(f.sort)) f.sort = 'urgent'
  if (!['', 'overdue', 'today', 'soon'].includes(f.due)) f.due = ''
  for (const k of numberKeys) {
    const n = Number(str(q[k]))
    if (Number.isInteger(n) && n > 0) f[k] = n
  }
  return f
}

/** "2026-11-20T09:15:00+08:00" → "2026-11-20 09:15". */
export function shortTime(ts: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(ts)
  return m ? `${m[1]} ${m[2]}` : ts
}

/** A period of the statistics, as civil dates. */
export interface Period {
  from: string
  to: string
}

const pad = (n: number) => String(n).padStart(2, '0')
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

/** The quick ranges of the statistics page, for a given today (YYYY-MM-DD). */
export function quickPeriods(today: string): { label: string; period: Period }[] {
  const [y, m] = today.split('-').map(Number)
  const prevY = m === 1 ? y - 1 : y
  const prevM = m === 1 ? 12 : m - 1
  const q = Math.floor((m - 1) / 3)
  return [
    { label: '本月', period: { from: ymd(y, m, 1), to: ymd(y, m, lastDay(y, m)) } },
    { label: '上月', period: { from: ymd(prevY, prevM, 1), to: ymd(prevY, prevM, lastDay(prevY, prevM)) } },
    { label: '本季度', period: { from: ymd(y, q * 3 + 1, 1), to: ymd(y, q * 3 + 3, lastDay(y, q * 3 + 3)) } },
    { label: '本年', period: { from: ymd(y, 1, 1), to: ymd(y, 12, 31) } },
  ]
}

/**
 * The period 统计报表 opens on: the month so far, except in its first ten days, when the monthly figures being
 * prepared are last month's (the last complete month) and this month has hardly begun.
 */
export function defaultStatsPeriod(today: string): { label: string; period: Period } {
  const q = quickPeriods(today)
  return Number(today.slice(8, 10)) <= 10 ? q[1] : q[0]
}

/** What each figure of 统计报表 counts, shown on hover. */
export const STATS_DEFINITIONS: Record<string, string> = {
  received: '统计期间内收到的留言件数（按收到日期）。',
  answered: '这些留言中截至统计日已答复（答复经审核发出）的件数。',
  ontime: '已答复留言中，在答复期限（收到后3个工作日，按官方工作日历、扣除经批准的中止天数）内答复的件数。',
  rate: '按时答复 ÷ 已答复。没有已答复的留言时显示“—”。',
  avg: '已答复留言从收到到答复所用的工作日数的平均值（扣除中止天数）。',
  open: '统计期间内收到、截至统计日尚未答复的留言件数。',
  overdue: '办理中的留言里已超过答复期限的件数（中止计时的不计）。只统计本期收到的留言；工作台的“已超期”包括以前各期收到、至今仍未答复的全部留言，所以两者可能不同。',
}

/** A rate in [0,1] as a percentage with one decimal; "—" when nothing was answered. */
export function rate(v: number, answered: number): string {
  return answered > 0 ? `${(Math.round(v * 1000) / 10).toFixed(1)}%` : '—'
}

/** A line that is only a placeholder in full-width brackets, as the templates write "（答复正文）". */
const PLACEHOLDER = /^[ \t]*（[^）\n]*）[ \t]*$/m
/** A first line that only greets someone ("张伟同志："). */
const SALUTATION = /^[^\n：:]{1,16}[：:][ \t]*\n/

/** An opening sentence that only greets or acknowledges ("您好！", "您反映的问题已收悉。"). */
const OPENING = /^(?:(?:您好|你好)[！!，,。]?|[^。！!\n]*(?:已收悉|来信收到|已经收到)[^。！!\n]*[。！!])\s*/
/** A closing sentence that only thanks or ends the reply ("感谢您对…的关心和支持！", "特此答复。"). */
const CLOSING = /(?<=^|[。！!\n])\s*(?:(?:感谢|谢谢)[^。！!\n]*[。！!]?|特此答复[。！!]?|此复[。！!]?)\s*$/

/** Strips every match of pattern from the text's end it is anchored to, as long as one is found. */
function stripAll(text: string, pattern: RegExp): string {
  for (let prev = ''; prev !== text; ) {
    prev = text
    text = text.replace(pattern, '').trim()
  }
  return text
}

/**
 * The substance of a past reply: without the salutation naming its citizen, the greeting and acknowledgement
 * before it and the thanks after it, which the reply being written has from its own template.
 */
export function replySubstance(reply: string): string {
  const text = stripAll(stripAll(reply.trim().replace(SALUTATION, '').trim(), OPENING), CLOSING)
  return text || reply.trim()
}

/**
 * Puts a past reply's substance into the reply being written, in place of the template's placeholder line when
 * there is one, else after what is written.
 */
export function quoteReply(body: string, reply: string): string {
  const text = replySubstance(reply)
  if (!body.trim()) return text
  if (PLACEHOLDER.test(body)) return body.replace(PLACEHOLDER, () => text)
  return `${body.trimEnd()}\n\n${text}`
}

/**
 * The 已超期 badge of a state tab: the overdue messages of that state, or of every state on 全部; 0 hides it.
 * Only the states whose clock runs can be overdue.
 */
export function overdueOf(counts: Record<string, number> | undefined, state: string): number {
  if (!counts) return 0
  if (state) return counts[state] ?? 0
  return Object.values(counts).reduce((a, b) => a + b, 0)
}

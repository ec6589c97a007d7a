// Pure helpers of the 政策解读 pages: badges, the 图解 block editor's reducer, list moves, inserting text at
// the cursor, and highlighting a pre-publication finding by its offsets.
import type { BadgeTone } from '../../utils/deadline'
import type { GraphicBlock, PrepubFinding } from '../../api/interpretations'

export interface Badge {
  text: string
  tone: BadgeTone | 'green'
}

/**
 * The deadline badge of an interpretation (同步发布). The Go side counts the working days with the calendar
 * and words the label (剩余N个工作日 / 今日到期 / 已超期N个工作日 / 按时发布 / 逾期发布); this only picks the
 * tone. Before the policy is published there is no deadline and no badge.
 */
export function dueBadge(r: { dueStatus: string; dueLabel: string }): Badge | null {
  const fallback: Record<string, string> = { due_today: '今日到期', done: '按时发布', late: '逾期发布' }
  const text = r.dueLabel || fallback[r.dueStatus] || ''
  switch (r.dueStatus) {
    case 'pending':
      return { text, tone: 'blue' }
    case 'due_today':
      return { text, tone: 'orange' }
    case 'overdue':
      return { text, tone: 'red' }
    case 'done':
      return { text, tone: 'green' }
    case 'late':
      return { text, tone: 'yellow' }
    default:
      return text ? { text, tone: 'grey' } : null
  }
}

/** The tone of each interpretation status. */
export function interpretationStatusTone(status: string): Badge['tone'] {
  return ({ 起草: 'grey', 审核中: 'blue', 已退回: 'red', 已审签: 'orange', 已发布: 'green' } as Record<string, Badge['tone']>)[status] ?? 'grey'
}

/** Whether the drafter may still change an interpretation (core.CanEditInterpretation). */
export function editable(status: string): boolean {
  return status === '起草' || status === '已退回'
}

/** A new, empty block of a kind, with one row to fill where the kind has rows. */
export function newBlock(kind: string, today = ''): GraphicBlock {
  const b: GraphicBlock = { kind, title: '', text: '', figures: [], steps: [], items: [], qa: [], issuer: '', date: '' }
  switch (kind) {
    case 'figures':
      b.figures = [{ value: '', unit: '', label: '' }]
      break
    case 'steps':
      b.steps = [{ title: '', text: '' }]
      break
    case 'bullets':
      b.items = ['']
      break
    case 'qa':
      b.qa = [{ question: '', answer: '' }]
      break
    case 'footer':
      b.date = today
      break
  }
  return b
}

/** What the block editor can do to the list of blocks. */
export type BlockAction =
  | { type: 'add'; kind: string; today?: string }
  | { type: 'remove'; index: number }
  | { type: 'move'; index: number; delta: -1 | 1 }
  | { type: 'update'; index: number; patch: Partial<GraphicBlock> }

/**
 * The block editor's reducer: returns a new list, never changing the old one. A new block goes before the
 * footer (which closes the page) unless it is a footer itself; moves past either end are ignored.
 */
export function reduceBlocks(blocks: readonly GraphicBlock[], action: BlockAction): GraphicBlock[] {
  const out = blocks.slice()
  switch (action.type) {
    case 'add': {
      const block = newBlock(action.kind, action.today)
      const footer = out.findIndex((b) => b.kind === 'footer')
      if (action.kind === 'footer' || footer < 0) out.push(block)
      else out.splice(footer, 0, block)
      return out
    }
    case 'remove':
      if (action.index < 0 || action.index >= out.length) return out
      out.splice(action.index, 1)
      return out
    case 'move':
      return moveItem(out, action.index, action.delta)
    case 'update':
      if (action.index < 0 || action.index >= out.length) return out
      out[action.index] = { ...out[action.index], ...action.patch }
      return out
  }
}

/** A copy of list with item i moved one place up (-1) or down (+1); out of range leaves it as it is. */
export function moveItem<T>(list: readonly T[], i: number, delta: -1 | 1): T[] {
  const out = list.slice()
  const j = i + delta
  if (i < 0 || i >= out.length || j < 0 || j >= out.length) return out
  ;[out[i], out[j]] = [out[j], out[i]]
  return out
}

/** Text with insert put in place of the selection [start, end), and where the caret goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const s = Math.max(0, Math.min(start, text.length))
  const e = Math.max(s, Math.min(end, text.length))
  return { text: text.slice(0, s) + insert + text.slice(e), caret: s + insert.length }
}

/** A finding's surroundings, split so that the match can be wrapped in <mark> without HTML. */
export interface Highlight {
  before: string
  match: string
  after: string
  /** text was cut before `before` / after `after` */
  cutBefore: boolean
  cutAfter: boolean
}

/**
 * Splits the scanned text around a finding. Start and End are UTF-16 offsets into the report's text, which
 * is what JavaScript strings index, so they are used as they are; when they do not point at the match (a
 * stale report) the match is looked up in the finding's own context instead.
 */
export function highlightFinding(text: string, f: Pick<PrepubFinding, 'start' | 'end' | 'match' | 'context'>, radius = 24): Highlight {
  if (f.start >= 0 && f.end > f.start && f.end <= text.length && text.slice(f.start, f.end) === f.match) {
    return around(text, f.start, f.end, radius)
  }
  const at = f.context.indexOf(f.match)
  if (at >= 0 && f.match) return around(f.context, at, at + f.match.length, radius)
  return { before: f.context, match: '', after: '', cutBefore: false, cutAfter: false }
}

function around(text: string, start: number, end: number, radius: number): Highlight {
  let from = Math.max(0, start - radius)
  let to = Math.min(text.length, end + radius)
  // never split a surrogate pair (an emoji or a rare CJK character) at the cut
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++
  return {
    before: text.slice(from, start).replace(/\s+/g, ' '),
    match: text.slice(start, end),
    after: text.slice(end, to).replace(/\s+/g, ' '),
    cutBefore: from > 0,
    cutAfter: to < text.length,
  }
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** Fact kinds in the side panel's order, with their headings. */
export const factGroups: { kind: string; label: string }[] = [
  { kind: 'date', label: '日期' },
  { kind: 'deadline', label: '期限' },
  { kind: 'amount', label: '金额' },
  { kind: 'percentage', label: '比例' },
  { kind: 'scope', label: '适用范围' },
  { kind: 'process', label: '办理流程' },
  { kind: 'materials', label: '申请材料' },
]

/** Groups facts by kind in the side panel's order; kinds the panel does not know go last under their label. */
export function groupFacts<T extends { kind: string; label: string }>(facts: readonly T[]): { kind: string; label: string; facts: T[] }[] {
  const groups = factGroups.map((g) => ({ ...g, facts: facts.filter((f) => f.kind === g.kind) }))
  for (const f of facts) {
    if (groups.some((g) => g.kind === f.kind)) continue
    groups.push({ kind: f.kind, label: f.label, facts: facts.filter((x) => x.kind === f.kind) })
  }
  return groups.filter((g) => g.facts.length > 0)
}

/** "2026-09-30 10:00:00" or an RFC 3339 stamp → "2026-09-30"; "" stays "". */
export function dateOf(stamp: string): string {
  return stamp ? stamp.slice(0, 10) : ''
}

// Pure helpers of 设置 → 主题与分办: number formats, the keyword and example editors' clean-up, the dictionary
// filter, the import preview's summary, the job's progress and the confusion matrix as heatmap cells.
import type { DictionaryWord, ExampleImportPreview, RoutingJob, RoutingTopicCount } from '../../../api/routing'
import type { TopicKeyword } from '../../../api/mailbox'

/** The weights a keyword may carry: 0.5 (a weak hint) to 3 (almost decisive); 1 is the default. */
export const MIN_WEIGHT = 0.5
export const MAX_WEIGHT = 3
export const DEFAULT_WEIGHT = 1

/** The parts of speech offered for a user word, as jieba spells them. */
export const wordTags: { value: string; label: string }[] = [
  { value: 'n', label: '名词' },
  { value: 'nz', label: '专有名词' },
  { value: 'vn', label: '动名词' },
  { value: 'ns', label: '地名' },
  { value: 'nt', label: '机构团体名' },
]

/** "nz" → "专有名词"; an empty tag means the segmenter chooses, anything else is shown as is. */
export function tagLabel(tag: string): string {
  if (!tag) return '自动'
  return wordTags.find((t) => t.value === tag)?.label ?? tag
}

/** A share in [0,1] as a percentage with one decimal: 0.8734 → "87.3%"; "—" when not a number. */
export function pct(v: number): string {
  if (!Number.isFinite(v)) return '—'
  return `${(Math.round(v * 1000) / 10).toFixed(1)}%`
}

/** A count with thousands separators: 5391 → "5,391". */
export function count(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—'
}

/** A duration in seconds for people: 0.42 → "0.4 秒", 75 → "1 分 15 秒". */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—'
  if (seconds < 60) return `${seconds < 10 ? (Math.round(seconds * 10) / 10).toFixed(1) : Math.round(seconds)} 秒`
  const s = Math.round(seconds)
  return `${Math.floor(s / 60)} 分 ${s % 60} 秒`
}

/** A speed as messages per second: 1234.5 → "每秒1,235条", below 10 with one decimal. */
export function speed(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '—'
  return perSecond < 10 ? `每秒${perSecond.toFixed(1)}条` : `每秒${count(perSecond)}条`
}

/** A weight as the keyword tag shows it: 1 → "1", 1.5 → "1.5". */
export function weightText(w: number): string {
  return String(Math.round(w * 10) / 10)
}

/** Keeps a weight within the allowed range, at one decimal; anything unusable becomes the default. */
export function clampWeight(w: number): number {
  if (!Number.isFinite(w) || w <= 0) return DEFAULT_WEIGHT
  return Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, Math.round(w * 10) / 10))
}

/**
 * The keywords as they are saved: trimmed, blank ones dropped, each word once (its first weight wins) and
 * every weight within range.
 */
export function cleanKeywords(keywords: TopicKeyword[]): TopicKeyword[] {
  const seen = new Set<string>()
  const out: TopicKeyword[] = []
  for (const k of keywords) {
    const word = k.word.trim()
    if (!word || seen.has(word)) continue
    seen.add(word)
    out.push({ word, weight: clampWeight(k.weight) })
  }
  return out
}

/** Words typed in one go ("不动产登记、过户 产权证") split at 、,，;； and white space. */
export function splitWords(text: string): string[] {
  return [...new Set(text.split(/[、,，;；\s]+/).map((w) => w.trim()).filter(Boolean))]
}

/** The example messages as they are saved: trimmed, blank ones dropped, each text once. */
export function cleanExamples(examples: string[]): string[] {
  return [...new Set(examples.map((e) => e.trim()).filter(Boolean))]
}

/** Which dictionary words the table shows: the source filter, then the search text in the word or its tag. */
export function filterWords(words: DictionaryWord[], query: string, source: 'all' | 'builtin' | 'user'): DictionaryWord[] {
  const q = query.trim().toLowerCase()
  return words.filter((w) => {
    if (source === 'builtin' && !w.builtin) return false
    if (source === 'user' && w.builtin) return false
    if (!q) return true
    return w.word.toLowerCase().includes(q) || w.tag.toLowerCase() === q || tagLabel(w.tag).includes(q)
  })
}

/** The history count of a topic, by id; 0 when it has none. */
export function historyCount(byTopic: RoutingTopicCount[], topicId: number): number {
  return byTopic.find((t) => t.topicId === topicId)?.count ?? 0
}

/** One label of an import preview, as its table shows it. */
export interface LabelRow {
  label: string
  count: number
  /** false: no topic has this name yet */
  known: boolean
}

/** What an import preview amounts to. */
export interface PreviewSummary {
  labels: LabelRow[]
  /** Rows whose label has no topic yet. */
  unknownRows: number
  /** Rows not imported before. */
  fresh: number
}

/** Summarises a preview for the page: the labels with most rows first, and which of them have no topic. */
export function summarizePreview(p: ExampleImportPreview): PreviewSummary {
  const unknown = new Set(p.unknownLabels)
  const labels = p.byLabel
    .map((l) => ({ label: l.topicName, count: l.count, known: l.topicId !== 0 && !unknown.has(l.topicName) }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'))
  const unknownRows = labels.filter((l) => !l.known).reduce((s, l) => s + l.count, 0)
  return { labels, unknownRows, fresh: Math.max(0, p.rows - p.duplicates) }
}

/** A job's progress as a whole percentage for el-progress (100 once it has ended without failing). */
export function jobPercent(job: RoutingJob): number {
  if (!job.running) return job.kind && !job.error ? 100 : 0
  if (job.total <= 0) return 0
  return Math.max(0, Math.min(100, Math.floor((job.done / job.total) * 100)))
}

/** What the job is doing, in words: "训练 · 1,200/5,391". */
export function jobText(job: RoutingJob): string {
  const stage = job.stage || (job.kind === 'evaluate' ? '评估' : '训练')
  return job.total > 0 ? `${stage} · ${count(job.done)}/${count(job.total)}` : stage
}

/** Divides every row by its sum, so each true topic's row shows where its messages went (a row of 0s stays 0). */
export function rowNormalize(matrix: number[][]): number[][] {
  return matrix.map((row) => {
    const sum = row.reduce((s, v) => s + v, 0)
    return row.map((v) => (sum > 0 ? v / sum : 0))
  })
}

/**
 * Reorders the topics of a confusion matrix by their number of messages (its row sums), largest first,
 * rows and columns alike so that the correct predictions stay on the diagonal.
 */
export function sortBySupport(labels: string[], confusion: number[][]): { labels: string[]; confusion: number[][] } {
  const support = confusion.map((row) => row.reduce((s, v) => s + v, 0))
  const order = labels.map((_, i) => i).sort((a, b) => support[b] - support[a] || a - b)
  return { labels: order.map((i) => labels[i]), confusion: order.map((i) => order.map((j) => confusion[i]?.[j] ?? 0)) }
}

/** Topics with fewer examples than this get unstable scores in a cross-validation. */
export const FEW_EXAMPLES = 20

/** One cell of the confusion heatmap: column (predicted), row (true), the count and its share of the row. */
export interface HeatCell {
  x: number
  y: number
  count: number
  share: number
}

/** The confusion matrix [true][predicted] as heatmap cells, shares normalised by row. */
export function heatCells(confusion: number[][]): HeatCell[] {
  const shares = rowNormalize(confusion)
  return confusion.flatMap((row, y) => row.map((c, x) => ({ x, y, count: c, share: shares[y][x] })))
}

/**
 * An axis label for a topic name: broken into lines of perLine characters, at most two lines, a longer
 * name cut with "…" (the tooltip shows it whole).
 */
export function wrapLabel(name: string, perLine = 4): string {
  const chars = [...name]
  if (chars.length <= perLine) return name
  const shown = chars.length > perLine * 2 ? [...chars.slice(0, perLine * 2 - 1), '…'] : chars
  return `${shown.slice(0, perLine).join('')}\n${shown.slice(perLine).join('')}`
}

import { describe, expect, it } from 'vitest'
import type { GraphicBlock } from '../../api/interpretations'
import { dueBadge, groupFacts, highlightFinding, insertAt, interpretationStatusTone, moveItem, newBlock, reduceBlocks } from './helpers'

describe('dueBadge', () => {
  it('keeps the Go side label and picks a tone per status', () => {
    expect(dueBadge({ dueStatus: 'pending', dueLabel: '剩余3个工作日' })).toEqual({ text: '剩余3个工作日', tone: 'blue' })
    expect(dueBadge({ dueStatus: 'due_today', dueLabel: '今日到期' })).toEqual({ text: '今日到期', tone: 'orange' })
    expect(dueBadge({ dueStatus: 'overdue', dueLabel: '已超期2个工作日' })).toEqual({ text: '已超期2个工作日', tone: 'red' })
    expect(dueBadge({ dueStatus: 'done', dueLabel: '按时发布' })).toEqual({ text: '按时发布', tone: 'green' })
    expect(dueBadge({ dueStatus: 'late', dueLabel: '逾期发布' })).toEqual({ text: '逾期发布', tone: 'yellow' })
  })
  it('words the finished states when the label is missing', () => {
    expect(dueBadge({ dueStatus: 'late', dueLabel: '' })?.text).toBe('逾期发布')
    expect(dueBadge({ dueStatus: 'due_today', dueLabel: '' })?.text).toBe('今日到期')
  })
  it('shows no badge before the policy is published', () => {
    expect(dueBadge({ dueStatus: '', dueLabel: '' })).toBeNull()
  })
})

describe('interpretationStatusTone', () => {
  it('marks a returned interpretation red and unknown statuses grey', () => {
    expect(interpretationStatusTone('已退回')).toBe('red')
    expect(interpretationStatusTone('已发布')).toBe('green')
    expect(interpretationStatusTone('未知')).toBe('grey')
  })
})

const kinds = (bs: GraphicBlock[]) => bs.map((b) => b.kind)

describe('reduceBlocks', () => {
  const start = [newBlock('title'), newBlock('footer', '2026-09-30')]

  it('adds a block before the footer, and a footer at the end', () => {
    const a = reduceBlocks(start, { type: 'add', kind: 'lead' })
    expect(kinds(a)).toEqual(['title', 'lead', 'footer'])
    const b = reduceBlocks(a, { type: 'add', kind: 'footer', today: '2026-10-01' })
    expect(kinds(b)).toEqual(['title', 'lead', 'footer', 'footer'])
    expect(b[3].date).toBe('2026-10-01')
    expect(kinds(reduceBlocks([newBlock('title')], { type: 'add', kind: 'steps' }))).toEqual(['title', 'steps'])
  })
  it('gives a new block one row to fill', () => {
    const [, fig] = reduceBlocks(start, { type: 'add', kind: 'figures' })
    expect(fig.figures).toEqual([{ value: '', unit: '', label: '' }])
    expect(newBlock('bullets').items).toEqual([''])
    expect(newBlock('qa').qa).toHaveLength(1)
    expect(newBlock('steps').steps).toHaveLength(1)
  })
  it('moves, updates and removes without touching the old list', () => {
    const a = reduceBlocks(start, { type: 'add', kind: 'lead' })
    const moved = reduceBlocks(a, { type: 'move', index: 1, delta: -1 })
    expect(kinds(moved)).toEqual(['lead', 'title', 'footer'])
    expect(kinds(a)).toEqual(['title', 'lead', 'footer'])
    expect(kinds(reduceBlocks(a, { type: 'move', index: 0, delta: -1 }))).toEqual(kinds(a))
    expect(kinds(reduceBlocks(a, { type: 'move', index: 2, delta: 1 }))).toEqual(kinds(a))
    const updated = reduceBlocks(a, { type: 'update', index: 1, patch: { text: '导语' } })
    expect(updated[1].text).toBe('导语')
    expect(a[1].text).toBe('')
    expect(kinds(reduceBlocks(a, { type: 'remove', index: 0 }))).toEqual(['lead', 'footer'])
    expect(kinds(reduceBlocks(a, { type: 'remove', index: 9 }))).toEqual(kinds(a))
  })
})

describe('moveItem', () => {
  it('swaps neighbours and ignores moves off either end', () => {
    expect(moveItem([1, 2, 3], 2, -1)).toEqual([1, 3, 2])
    expect(moveItem([1, 2, 3], 0, 1)).toEqual([2, 1, 3])
    expect(moveItem([1, 2, 3], 0, -1)).toEqual([1, 2, 3])
    expect(moveItem([1, 2, 3], 3, -1)).toEqual([1, 2, 3])
  })
})

describe('insertAt', () => {
  it('replaces the selection and puts the caret after the insert', () => {
    expect(insertAt('补助标准。', 2, 2, '15万元')).toEqual({ text: '补助15万元标准。', caret: 6 })
    expect(insertAt('甲乙丙', 1, 2, '丁')).toEqual({ text: '甲丁丙', caret: 2 })
    expect(insertAt('甲', 9, 9, '乙')).toEqual({ text: '甲乙', caret: 2 })
  })
})

describe('highlightFinding', () => {
  const text = '咨询电话：13800138000，地址：临江市。'
  const start = text.indexOf('138')
  const f = { start, end: start + 11, match: '13800138000', context: '咨询电话：13800138000，地址' }

  it('cuts the text around the match by its offsets', () => {
    expect(highlightFinding(text, f, 5)).toEqual({ before: '咨询电话：', match: '13800138000', after: '，地址：临', cutBefore: false, cutAfter: true })
  })
  it('counts offsets in UTF-16 units, as the Go side reports them', () => {
    const wide = '𠀀𠀀电话13800138000'
    const at = wide.indexOf('138') // 6: each 𠀀 is two units
    expect(at).toBe(6)
    const h = highlightFinding(wide, { ...f, start: at, end: at + 11 }, 3)
    expect(h.match).toBe('13800138000')
    expect(h.before).toBe('𠀀电话') // the cut moved back rather than split the pair
    expect(h.cutBefore).toBe(true)
  })
  it('falls back to the context when the offsets are stale', () => {
    const h = highlightFinding('已修改的全文', { ...f, start: 0, end: 3 }, 30)
    expect(h.match).toBe('13800138000')
    expect(h.before).toBe('咨询电话：')
    expect(h.after).toBe('，地址')
  })
  it('keeps the context as plain text when the match cannot be found', () => {
    const h = highlightFinding('', { start: 0, end: 0, match: '秘密', context: '<b>内容</b>' })
    expect(h).toEqual({ before: '<b>内容</b>', match: '', after: '', cutBefore: false, cutAfter: false })
  })
})

describe('groupFacts', () => {
  it('orders groups as the side panel lists them and drops empty ones', () => {
    const facts = [
      { kind: 'materials', label: '申请材料', text: '申请表' },
      { kind: 'amount', label: '金额', text: '15万元' },
      { kind: 'other', label: '其他', text: 'x' },
      { kind: 'amount', label: '金额', text: '20万元' },
      { kind: 'other', label: '其他', text: 'y' },
    ]
    const g = groupFacts(facts)
    expect(g.map((x) => x.label)).toEqual(['金额', '申请材料', '其他'])
    expect(g[0].facts.map((x) => x.text)).toEqual(['15万元', '20万元'])
    expect(g[2].facts).toHaveLength(2)
  })
})

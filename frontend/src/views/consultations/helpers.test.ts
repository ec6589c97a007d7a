import { describe, expect, it } from 'vitest'
import {
  NO_COLUMN,
  clauseLabel,
  clauseText,
  clip,
  decisionBadge,
  defaultMapping,
  mappingForRequest,
  membersTitle,
  periodBadge,
  policyStatusTone,
  readAsBase64,
  reasonRequired,
  reportBadge,
  share,
  statusTone,
  unmappedRequired,
} from './helpers'

const fields = [
  { key: 'text', label: '意见内容', required: true },
  { key: 'commenter', label: '提交人', required: false },
  { key: 'received', label: '提交时间', required: false },
  { key: 'channel', label: '反馈渠道', required: false },
]

describe('periodBadge', () => {
  it('shows when a pending consultation starts', () => {
    expect(periodBadge({ status: '未开始', countdownLabel: '', openDate: '2026-12-01' })).toEqual({ text: '2026-12-01开始', tone: 'grey' })
  })
  it('shows the working-day countdown the Go side computed while open', () => {
    expect(periodBadge({ status: '征求中', countdownLabel: '剩余3个工作日', openDate: '2026-09-21' })).toEqual({ text: '剩余3个工作日', tone: 'blue' })
    expect(periodBadge({ status: '征求中', countdownLabel: '今日到期', openDate: '2026-09-21' })).toEqual({ text: '今日到期', tone: 'orange' })
    expect(periodBadge({ status: '征求中', countdownLabel: '', openDate: '2026-09-21' }).text).toBe('征求中')
  })
  it('says 已截止 after the close date', () => {
    expect(periodBadge({ status: '已截止', countdownLabel: '', openDate: '2026-08-01' })).toEqual({ text: '已截止', tone: 'grey' })
  })
})

describe('badges and tones', () => {
  it('labels every decision, an undecided comment and a mixed group', () => {
    expect(['采纳', '部分采纳', '不予采纳', '不属于征求范围', '', '不一致'].map((d) => decisionBadge(d))).toEqual([
      { text: '采纳', tone: 'green' },
      { text: '部分采纳', tone: 'blue' },
      { text: '不予采纳', tone: 'red' },
      { text: '不属于征求范围', tone: 'grey' },
      { text: '未处理', tone: 'yellow' },
      { text: '处理结果不一致', tone: 'orange' },
    ])
  })
  it('requires a reason for every decision but 采纳', () => {
    expect(reasonRequired('采纳')).toBe(false)
    expect(reasonRequired('部分采纳')).toBe(true)
    expect(reasonRequired('不予采纳')).toBe(true)
    expect(reasonRequired('不属于征求范围')).toBe(true)
    expect(reasonRequired('')).toBe(false)
  })
  it('shows the report as published with its date, or not yet', () => {
    const none = { reportPublished: '', reportStatus: '', reportLabel: '' }
    expect(reportBadge({ ...none, reportPublished: '2026-11-02' })).toEqual({ text: '已发布 2026-11-02', tone: 'green' })
    expect(reportBadge(none)).toEqual({ text: '未发布', tone: 'grey' })
    expect(reportBadge({ ...none, reportStatus: 'overdue', reportLabel: '已超期3个工作日' })).toEqual({ text: '已超期3个工作日', tone: 'red' })
    expect(reportBadge({ ...none, reportStatus: 'overdue', reportLabel: '已超期3个工作日' }, '说明')).toEqual({ text: '说明已超期3个工作日', tone: 'red' })
    expect(reportBadge({ ...none, reportStatus: 'due_today', reportLabel: '今日到期' })).toEqual({ text: '今日到期', tone: 'orange' })
    expect(reportBadge({ ...none, reportStatus: 'pending', reportLabel: '剩余2个工作日' })).toEqual({ text: '待发布 剩余2个工作日', tone: 'blue' })
  })
  it('gives statuses distinct tones and unknown ones grey', () => {
    expect(statusTone('征求中')).toBe('blue')
    expect(statusTone('已截止')).toBe('yellow')
    expect(statusTone('?')).toBe('grey')
    expect(policyStatusTone('已发布')).toBe('green')
    expect(policyStatusTone('已废止')).toBe('red')
  })
})

describe('import mapping', () => {
  it('starts from the suggestion and leaves unplaced fields without a column', () => {
    expect(defaultMapping({ fields, mapping: { text: 5, commenter: 0 } })).toEqual({ text: 5, commenter: 0, received: NO_COLUMN, channel: NO_COLUMN })
  })
  it('copes with a preview that suggested nothing', () => {
    expect(defaultMapping({ fields, mapping: undefined as unknown as Record<string, number> })).toEqual({
      text: NO_COLUMN, commenter: NO_COLUMN, received: NO_COLUMN, channel: NO_COLUMN,
    })
  })
  it('sends only the fields that have a column', () => {
    expect(mappingForRequest({ text: 5, commenter: 0, received: NO_COLUMN })).toEqual({ text: 5, commenter: 0 })
  })
  it('lists required fields still without a column', () => {
    expect(unmappedRequired(fields, { text: NO_COLUMN, commenter: 1 }).map((f) => f.key)).toEqual(['text'])
    expect(unmappedRequired(fields, { text: 2 })).toEqual([])
  })
})

describe('small helpers', () => {
  it('shortens a clause path to its last step', () => {
    expect(clauseLabel('第二章/第五条')).toBe('第五条')
    expect(clauseLabel('第五条')).toBe('第五条')
  })
  it('shows a clause without repeating its marker', () => {
    expect(clauseText({ number: '第五条', heading: '第五条 本办法自…', body: '第五条 本办法自2026年1月1日起施行。' })).toBe('本办法自2026年1月1日起施行。')
    expect(clauseText({ number: '第一章', heading: '第一章 总则', body: '' })).toBe('总则')
    expect(clauseText({ number: '', heading: '', body: '某市政策解读工作办法' })).toBe('某市政策解读工作办法')
  })
  it('clips long headings by characters', () => {
    expect(clip('为规范本局政策解读工作', 4)).toBe('为规范本…')
    expect(clip('总则', 4)).toBe('总则')
  })
  it('writes shares with one decimal', () => {
    expect(share(1, 8)).toBe('12.5%')
    expect(share(2, 3)).toBe('66.7%')
    expect(share(0, 0)).toBe('—')
  })
  it('reads a file as bare base64', async () => {
    const b64 = await readAsBase64(new Blob(['意见'], { type: 'text/csv' }))
    expect(b64).toBe(btoa(String.fromCharCode(...new TextEncoder().encode('意见'))))
  })
})

describe('membersTitle', () => {
  it('says when a group carries only its first members', () => {
    expect(membersTitle({ count: 3, members: [1, 2, 3] })).toBe('查看3条成员意见')
    expect(membersTitle({ count: 32300, members: new Array(50) })).toBe('查看前50条成员意见(共32300条)')
  })
})

import { describe, expect, it } from 'vitest'
import {
  dueBadge,
  emptyFilter,
  filterToQuery,
  highlightSegments,
  matchedText,
  overdueOf,
  quickPeriods,
  defaultStatsPeriod,
  STATS_DEFINITIONS,
  queryToFilter,
  quoteReply,
  replySubstance,
  rate,
  splitFirstLine,
} from './helpers'

const span = (s: number, e: number) => ({ start: 0, end: 0, utf16Start: s, utf16End: e })

describe('highlightSegments', () => {
  it('marks the spans and keeps the rest as plain text', () => {
    const text = matchedText('宅基地审批', '请问宅基地怎么办理不动产登记？')
    const segs = highlightSegments(text, [
      { word: '宅基地', spans: [span(0, 3), span(8, 11)] },
      { word: '不动产登记', spans: [span(15, 20)] },
    ])
    expect(segs.map((s) => s.text).join('')).toBe(text)
    expect(segs.filter((s) => s.word).map((s) => s.text)).toEqual(['宅基地', '宅基地', '不动产登记'])
    expect(segs[0]).toEqual({ text: '宅基地', word: '宅基地' })
  })

  it('counts offsets in UTF-16 units, so characters outside the BMP shift what follows', () => {
    const text = '𠮷家违建'
    // '𠮷' is two UTF-16 units: 违建 starts at 3.
    const segs = highlightSegments(text, [{ word: '违建', spans: [span(3, 5)] }])
    expect(segs).toEqual([{ text: '𠮷家' }, { text: '违建', word: '违建' }])
  })

  it('merges overlapping spans, clips spans past the end and drops empty ones', () => {
    const text = '城市更新改造项目'
    const segs = highlightSegments(text, [
      { word: '城市更新', spans: [span(0, 4)] },
      { word: '更新改造', spans: [span(2, 6)] },
      { word: '项目', spans: [span(6, 40), span(3, 3), span(50, 52)] },
    ])
    expect(segs).toEqual([
      { text: '城市更新', word: '城市更新' },
      { text: '改造', word: '更新改造' },
      { text: '项目', word: '项目' },
    ])
  })

  it('returns the whole text when nothing matched', () => {
    expect(highlightSegments('你好', [])).toEqual([{ text: '你好' }])
    expect(highlightSegments('', [])).toEqual([])
  })

  it('splits the subject line from the body', () => {
    const segs = highlightSegments('违建\n隔壁违建', [{ word: '违建', spans: [span(0, 2), span(5, 7)] }])
    const { first, rest } = splitFirstLine(segs)
    expect(first).toEqual([{ text: '违建', word: '违建' }])
    expect(rest).toEqual([{ text: '隔壁' }, { text: '违建', word: '违建' }])
  })
})

describe('dueBadge', () => {
  it('words and colours the countdown', () => {
    expect(dueBadge({ dueStatus: 'pending', dueWorkdays: 3, dueLabel: '' })).toEqual({ text: '剩余3个工作日', tone: 'green' })
    expect(dueBadge({ dueStatus: 'pending', dueWorkdays: 1, dueLabel: '' })).toEqual({ text: '剩余1个工作日', tone: 'blue' })
    expect(dueBadge({ dueStatus: 'due_today', dueWorkdays: 0, dueLabel: '' })).toEqual({ text: '今日到期', tone: 'orange' })
    expect(dueBadge({ dueStatus: 'overdue', dueWorkdays: -2, dueLabel: '' })).toEqual({ text: '已超期2个工作日', tone: 'red' })
  })

  it('keeps the Go side label for stopped clocks and answered messages', () => {
    expect(dueBadge({ dueStatus: 'stopped', dueWorkdays: 0, dueLabel: '已停止计时' }).tone).toBe('yellow')
    expect(dueBadge({ dueStatus: 'done', dueWorkdays: 0, dueLabel: '按时答复' })).toEqual({ text: '按时答复', tone: 'grey' })
    expect(dueBadge({ dueStatus: 'done', dueWorkdays: 0, dueLabel: '超期答复' }).tone).toBe('red')
  })
})

describe('inbox filter and query', () => {
  it('puts only what differs from the defaults in the query', () => {
    expect(filterToQuery(emptyFilter())).toEqual({})
    const f = { ...emptyFilter(), state: '待分办', sectionId: 4, text: ' 违建 ', due: 'overdue', page: 2 }
    expect(filterToQuery(f)).toEqual({ state: '待分办', sectionId: '4', text: '违建', due: 'overdue', page: '2' })
  })

  it('reads a query back into the same filter', () => {
    const f = { ...emptyFilter(), state: '办理中', topicId: 7, type: '投诉', sort: 'due_asc', assigneeId: 12 }
    expect(queryToFilter(filterToQuery(f) as Record<string, string>)).toEqual(f)
  })

  it('opens on the overdue first, and an address without an order keeps that', () => {
    expect(emptyFilter().sort).toBe('urgent')
    expect(queryToFilter({}).sort).toBe('urgent')
    expect(filterToQuery({ ...emptyFilter(), sort: 'received_desc' })).toEqual({ sort: 'received_desc' })
  })

  it('ignores malformed values', () => {
    const f = queryToFilter({ sectionId: 'x', page: '-3', sort: 'nonsense', due: 'tomorrow', state: ['已答复'] })
    expect(f).toEqual({ ...emptyFilter(), state: '已答复' })
  })
})

describe('statistics helpers', () => {
  it('offers this month, last month, the quarter and the year', () => {
    const p = quickPeriods('2026-11-20')
    expect(p.map((x) => x.label)).toEqual(['本月', '上月', '本季度', '本年'])
    expect(p[0].period).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(p[1].period).toEqual({ from: '2026-10-01', to: '2026-10-31' })
    expect(p[2].period).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(quickPeriods('2027-01-05')[1].period).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(quickPeriods('2028-02-10')[0].period.to).toBe('2028-02-29')
  })

  it('opens on the last complete month early in a month, else on this month', () => {
    expect(defaultStatsPeriod('2026-12-02')).toEqual({ label: '上月', period: { from: '2026-11-01', to: '2026-11-30' } })
    expect(defaultStatsPeriod('2027-01-10').period).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(defaultStatsPeriod('2026-11-11').label).toBe('本月')
    expect(defaultStatsPeriod('2026-11-20').period).toEqual({ from: '2026-11-01', to: '2026-11-30' })
  })

  it('defines every figure it shows', () => {
    for (const k of ['received', 'answered', 'ontime', 'rate', 'avg', 'open', 'overdue']) expect(STATS_DEFINITIONS[k]).toMatch(/。$/)
    expect(STATS_DEFINITIONS.overdue).toMatch(/工作台/)
  })

  it('formats rates', () => {
    expect(rate(0.8333, 6)).toBe('83.3%')
    expect(rate(0, 0)).toBe('—')
  })
})

describe('quoteReply', () => {
  const reply = '张伟同志：\n您好！二手房转移登记需携带身份证件。'
  it('replaces the template placeholder and drops the other salutation and greeting', () => {
    const body = '钱芳同志：\n您好！答复如下：\n\n（答复正文）\n\n感谢您的支持！'
    expect(quoteReply(body, reply)).toBe('钱芳同志：\n您好！答复如下：\n\n二手房转移登记需携带身份证件。\n\n感谢您的支持！')
  })
  it('appends when there is no placeholder, and starts an empty reply', () => {
    expect(quoteReply('钱芳同志：\n您好！', reply)).toBe('钱芳同志：\n您好！\n\n二手房转移登记需携带身份证件。')
    expect(quoteReply('', reply)).toBe('二手房转移登记需携带身份证件。')
  })
})

describe('replySubstance', () => {
  it.each([
    ['张伟同志：\n您好！您反映的问题已收悉。二手房转移登记需买卖双方到场。\n感谢您对自然资源工作的关心和支持！', '二手房转移登记需买卖双方到场。'],
    ['网友：\n你好，来信收到。补助申请可在竣工后三个月内提交。特此答复。', '补助申请可在竣工后三个月内提交。'],
    ['您好！经核查，该地块已收回。谢谢！', '经核查，该地块已收回。'],
    ['办理时限为5个工作日，感谢理解的话不在句首不删。', '办理时限为5个工作日，感谢理解的话不在句首不删。'],
    ['您好！感谢您的来信！', '您好！感谢您的来信！'],
  ])('%s', (reply, want) => {
    expect(replySubstance(reply)).toBe(want)
  })
})

describe('overdueOf', () => {
  const counts = { 待分办: 1, 办理中: 4, 待审核: 0, 已答复: 0 }
  it('counts one tab, or every state on 全部', () => {
    expect(overdueOf(counts, '办理中')).toBe(4)
    expect(overdueOf(counts, '待审核')).toBe(0)
    expect(overdueOf(counts, '')).toBe(5)
    expect(overdueOf(undefined, '')).toBe(0)
    expect(overdueOf(counts, '已公开')).toBe(0)
  })
})

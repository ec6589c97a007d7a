import { describe, expect, it } from 'vitest'
import type { DictionaryWord, ExampleImportPreview, RoutingJob } from '../../../api/routing'
import {
  clampWeight,
  cleanExamples,
  cleanKeywords,
  count,
  duration,
  filterWords,
  heatCells,
  historyCount,
  jobPercent,
  jobText,
  pct,
  rowNormalize,
  sortBySupport,
  speed,
  splitWords,
  summarizePreview,
  tagLabel,
  weightText,
  wrapLabel,
} from './helpers'

const job = (over: Partial<RoutingJob>): RoutingJob => ({
  kind: 'train', running: true, stage: '训练分类器', done: 0, total: 0, startedAt: '2026-11-20T09:00:00+08:00', endedAt: '', error: '',
  ...over,
})

const word = (w: string, builtin: boolean, tag = 'n'): DictionaryWord => ({ word: w, freq: 0, tag, builtin, createdAt: '' })

describe('number formats', () => {
  it('writes shares as percentages with one decimal', () => {
    expect(pct(0.8734)).toBe('87.3%')
    expect(pct(1)).toBe('100.0%')
    expect(pct(0)).toBe('0.0%')
    expect(pct(0.99951)).toBe('100.0%')
    expect(pct(Number.NaN)).toBe('—')
  })

  it('groups thousands', () => {
    expect(count(5391)).toBe('5,391')
    expect(count(12)).toBe('12')
  })

  it('writes durations for people', () => {
    expect(duration(0.42)).toBe('0.4 秒')
    expect(duration(12.6)).toBe('13 秒')
    expect(duration(75)).toBe('1 分 15 秒')
    expect(duration(-1)).toBe('—')
  })

  it('writes speeds per second', () => {
    expect(speed(1234.5)).toBe('每秒1,235条')
    expect(speed(3.25)).toBe('每秒3.3条')
    expect(speed(0)).toBe('—')
  })
})

describe('keyword and example editors', () => {
  it('keeps weights within 0.5–3 at one decimal', () => {
    expect(clampWeight(0.2)).toBe(0.5)
    expect(clampWeight(7)).toBe(3)
    expect(clampWeight(1.26)).toBe(1.3)
    expect(clampWeight(Number.NaN)).toBe(1)
    expect(clampWeight(0)).toBe(1)
    expect(weightText(1.5)).toBe('1.5')
    expect(weightText(2)).toBe('2')
  })

  it('cleans keywords: trimmed, blank dropped, first weight of a word wins', () => {
    expect(
      cleanKeywords([
        { word: ' 不动产登记 ', weight: 2 },
        { word: '', weight: 1 },
        { word: '不动产登记', weight: 3 },
        { word: '过户', weight: 9 },
      ]),
    ).toEqual([
      { word: '不动产登记', weight: 2 },
      { word: '过户', weight: 3 },
    ])
  })

  it('splits typed words at 、，; and spaces, each once', () => {
    expect(splitWords('不动产登记、过户，产权证 过户;;  ')).toEqual(['不动产登记', '过户', '产权证'])
    expect(splitWords('  ')).toEqual([])
  })

  it('cleans examples', () => {
    expect(cleanExamples([' 房产证丢了怎么补办 ', '', '房产证丢了怎么补办', '征地补偿标准'])).toEqual(['房产证丢了怎么补办', '征地补偿标准'])
  })
})

describe('dictionary', () => {
  const words = [word('不动产登记', true), word('宅基地', false, 'nz'), word('临江市', false, 'ns')]

  it('filters by source and by word or part of speech', () => {
    expect(filterWords(words, '', 'all')).toHaveLength(3)
    expect(filterWords(words, '', 'builtin').map((w) => w.word)).toEqual(['不动产登记'])
    expect(filterWords(words, '', 'user').map((w) => w.word)).toEqual(['宅基地', '临江市'])
    expect(filterWords(words, '登记', 'all').map((w) => w.word)).toEqual(['不动产登记'])
    expect(filterWords(words, 'NS', 'all').map((w) => w.word)).toEqual(['临江市'])
    expect(filterWords(words, '地名', 'all').map((w) => w.word)).toEqual(['临江市'])
    expect(filterWords(words, '登记', 'user')).toEqual([])
  })

  it('names parts of speech in Chinese', () => {
    expect(tagLabel('nz')).toBe('专有名词')
    expect(tagLabel('')).toBe('自动')
    expect(tagLabel('x')).toBe('x')
  })
})

describe('import preview', () => {
  const preview: ExampleImportPreview = {
    fileName: 'train.csv',
    rows: 10,
    duplicates: 3,
    byLabel: [
      { topicId: 0, topicName: '教育文体', count: 2 },
      { topicId: 4, topicName: '城乡建设', count: 5 },
      { topicId: 0, topicName: '交通运输', count: 3 },
    ],
    unknownLabels: ['教育文体', '交通运输'],
    samples: [],
  }

  it('lists labels by rows and flags those without a topic', () => {
    const s = summarizePreview(preview)
    expect(s.labels).toEqual([
      { label: '城乡建设', count: 5, known: true },
      { label: '交通运输', count: 3, known: false },
      { label: '教育文体', count: 2, known: false },
    ])
    expect(s.unknownRows).toBe(5)
    expect(s.fresh).toBe(7)
  })

  it('has nothing to add when every row was imported before', () => {
    expect(summarizePreview({ ...preview, duplicates: 10, unknownLabels: [], byLabel: [] })).toEqual({ labels: [], unknownRows: 0, fresh: 0 })
  })

  it('counts a topic’s history by id', () => {
    expect(historyCount(preview.byLabel, 4)).toBe(5)
    expect(historyCount(preview.byLabel, 9)).toBe(0)
  })
})

describe('jobs', () => {
  it('turns progress into a percentage', () => {
    expect(jobPercent(job({ done: 250, total: 1000 }))).toBe(25)
    expect(jobPercent(job({ done: 5, total: 0 }))).toBe(0)
    expect(jobPercent(job({ running: false, endedAt: 'x' }))).toBe(100)
    expect(jobPercent(job({ running: false, error: '已取消' }))).toBe(0)
    expect(jobPercent(job({ kind: '', running: false }))).toBe(0)
  })

  it('describes the stage and the count', () => {
    expect(jobText(job({ done: 1200, total: 5391 }))).toBe('训练分类器 · 1,200/5,391')
    expect(jobText(job({ stage: '' }))).toBe('训练')
    expect(jobText(job({ kind: 'evaluate', stage: '' }))).toBe('评估')
  })
})

describe('confusion matrix', () => {
  const m = [
    [8, 2, 0],
    [1, 3, 0],
    [0, 0, 0],
  ]

  it('normalises each row by its sum and leaves empty rows at zero', () => {
    expect(rowNormalize(m)).toEqual([
      [0.8, 0.2, 0],
      [0.25, 0.75, 0],
      [0, 0, 0],
    ])
  })

  it('gives one cell per pair, x the predicted and y the true topic', () => {
    const cells = heatCells(m)
    expect(cells).toHaveLength(9)
    expect(cells[1]).toEqual({ x: 1, y: 0, count: 2, share: 0.2 })
    expect(cells[3]).toEqual({ x: 0, y: 1, count: 1, share: 0.25 })
  })

  it('orders topics by their messages, rows and columns alike', () => {
    const sorted = sortBySupport(['甲', '乙', '丙'], [
      [1, 0, 0],
      [2, 5, 1],
      [0, 0, 0],
    ])
    expect(sorted.labels).toEqual(['乙', '甲', '丙'])
    expect(sorted.confusion).toEqual([
      [5, 2, 1],
      [0, 1, 0],
      [0, 0, 0],
    ])
  })

  it('wraps long topic names on two lines and cuts longer ones', () => {
    expect(wrapLabel('城乡建设')).toBe('城乡建设')
    expect(wrapLabel('劳动和社会保障')).toBe('劳动和社\n会保障')
    expect(wrapLabel('国土空间规划和用途管制')).toBe('国土空间\n规划和…')
  })
})

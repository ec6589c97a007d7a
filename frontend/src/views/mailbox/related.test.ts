import { describe, expect, it } from 'vitest'
import { insertAt, relatedLink, relatedMeta } from './related'

const cite = '详见《临江市城市更新实施办法》（临规划资源规字〔2026〕3号）'

describe('insertAt', () => {
  it('inserts at the cursor as a sentence and puts the cursor after it', () => {
    const r = insertAt('您好！补助标准如下。谢谢。', 10, 10, cite)
    expect(r.value).toBe(`您好！补助标准如下。${cite}。谢谢。`)
    expect(r.caret).toBe(10 + cite.length + 1)
  })
  it('replaces a selection and keeps following punctuation', () => {
    expect(insertAt('补助标准见（某文件）。', 5, 10, cite).value).toBe(`补助标准见${cite}。`)
  })
  it('clamps offsets outside the text', () => {
    expect(insertAt('答复', 9, 3, cite)).toEqual({ value: `答复${cite}。`, caret: 2 + cite.length + 1 })
    expect(insertAt('', -1, -1, cite).value).toBe(`${cite}。`)
  })
})

describe('relatedLink and relatedMeta', () => {
  it('opens a policy or an interpretation in the app', () => {
    expect(relatedLink({ kind: 'policy', id: 3 })).toBe('/policies/3')
    expect(relatedLink({ kind: 'interpretation', id: 7 })).toBe('/interpretations/7')
  })
  it('describes the document', () => {
    expect(relatedMeta({ kind: 'policy', form: '', docNumber: '临规划资源规字〔2026〕5号', publishedDate: '2026-11-10' })).toBe(
      '政策文件 · 临规划资源规字〔2026〕5号 · 2026-11-10 发布',
    )
    expect(relatedMeta({ kind: 'interpretation', form: '问答', docNumber: '', publishedDate: '' })).toBe('政策解读 · 问答')
  })
})

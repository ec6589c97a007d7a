import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ImportProgressBar from './ImportProgressBar.vue'

describe('ImportProgressBar', () => {
  const stubs = { global: { stubs: { 'el-progress': true } } }
  it('says the file is being read until the first rows are stored', () => {
    const w = mount(ImportProgressBar, { props: { progress: null, percent: 0, what: '意见' }, ...stubs })
    expect(w.text()).toBe('正在读取文件…；取消后本文件的意见一条也不导入。')
  })
  it('counts the rows stored, with what was done to them', () => {
    const w = mount(ImportProgressBar, { props: { progress: { done: 12000, total: 60000 }, percent: 20, done: '已导入并分办', what: '留言' }, ...stubs })
    expect(w.text()).toBe('已导入并分办12,000/60,000行；取消后本文件的留言一条也不导入。')
  })
})

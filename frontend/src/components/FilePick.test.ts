import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import FilePick from './FilePick.vue'

describe('FilePick', () => {
  it('hands on the picked file and empties the input so the same file can be picked again', async () => {
    const w = mount(FilePick, { props: { label: '上传意见表格', testid: 'import-file', hint: '支持 .xlsx 和 .csv' }, global: { stubs: { 'el-icon': true } } })
    const input = w.get('[data-testid="import-file"]')
    const file = new File(['x'], '意见.xlsx')
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
    await input.trigger('change')
    expect(w.emitted('pick')).toEqual([[file]])
    expect((input.element as HTMLInputElement).value).toBe('')
    expect(w.text()).toContain('上传意见表格')
    expect(w.text()).toContain('支持 .xlsx 和 .csv')
  })

  it('shows the busy label and disables the input while busy', () => {
    const w = mount(FilePick, { props: { label: '上传文件', busyLabel: '正在识别…', busy: true, testid: 'f' }, global: { stubs: { 'el-icon': true } } })
    expect(w.text()).toContain('正在识别…')
    expect((w.get('[data-testid="f"]').element as HTMLInputElement).disabled).toBe(true)
  })
})

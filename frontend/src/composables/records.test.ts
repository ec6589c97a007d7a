import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import type { FormInstance } from 'element-plus'

vi.mock('element-plus', () => ({
  ElMessage: { error: vi.fn(), success: vi.fn() },
  ElMessageBox: { confirm: vi.fn() },
}))
vi.mock('../views/consultations/helpers', () => ({ readAsBase64: vi.fn(async (f: File) => `b64:${f.name}`) }))

import { ElMessage } from 'element-plus'
import { ApiError } from '../api/errors'
import { useRecordDialog } from './useRecordDialog'
import { useFileImport } from './useFileImport'

beforeEach(() => vi.clearAllMocks())

type Row = { id: number; name: string }

function formStub(valid: boolean) {
  return ref({ validate: vi.fn(async () => (valid ? true : Promise.reject(new Error('invalid')))), clearValidate: vi.fn() } as unknown as FormInstance)
}

describe('useRecordDialog', () => {
  it('opens on a copy of the record, saves it, says so by name and closes', async () => {
    const save = vi.fn(async (r: Row) => r)
    const formRef = formStub(true)
    const d = useRecordDialog({ blank: () => ({ id: 0, name: '' }), formRef, save, success: (r) => `科室“${r.name}”已保存` })
    const record = { id: 3, name: '综合科' }
    d.open(record)
    await nextTick()
    expect(d.visible.value).toBe(true)
    d.form.name = '办公室'
    expect(record.name).toBe('综合科')
    expect(await d.save()).toBe(true)
    expect(save).toHaveBeenCalledWith({ id: 3, name: '办公室' })
    expect(ElMessage.success).toHaveBeenCalledWith('科室“办公室”已保存')
    expect(d.visible.value).toBe(false)
    d.open()
    expect(d.form).toEqual({ id: 0, name: '' })
  })

  it('saves nothing while the form’s rules fail, and lights up the field the Go side refuses', async () => {
    const save = vi.fn().mockRejectedValue(new ApiError('conflict', '科室名称已存在', 'name'))
    const bad = useRecordDialog({ blank: () => ({ id: 0, name: '' }), formRef: formStub(false), save, success: () => '' })
    bad.open()
    expect(await bad.save()).toBe(false)
    expect(save).not.toHaveBeenCalled()
    const d = useRecordDialog({ blank: () => ({ id: 0, name: '' }), formRef: formStub(true), save, success: () => '' })
    d.open()
    await nextTick()
    expect(await d.save()).toBe(false)
    expect(d.errors).toEqual({ name: '科室名称已存在' })
    expect(ElMessage.error).toHaveBeenCalledWith('科室名称已存在')
    expect(d.visible.value).toBe(true)
  })
})

describe('useFileImport', () => {
  const pick = (name: string) => new File(['x'], name)

  it('previews the picked file, applies it, says so and drops the preview', async () => {
    const preview = vi.fn(async () => ({ rows: 2 }))
    const apply = vi.fn(async () => ({ added: 2 }))
    const applied = vi.fn()
    const im = useFileImport({ preview, previewed: vi.fn(), apply, success: (r) => `已导入${r.added}条`, applied })
    await im.picked(pick('意见.xlsx'))
    expect(preview).toHaveBeenCalledWith({ name: '意见.xlsx', base64: 'b64:意见.xlsx' })
    expect(im.preview.value).toEqual({ rows: 2 })
    await im.apply()
    expect(apply).toHaveBeenCalledWith({ name: '意见.xlsx', base64: 'b64:意见.xlsx' })
    expect(ElMessage.success).toHaveBeenCalledWith('已导入2条')
    expect(applied).toHaveBeenCalledWith({ added: 2 })
    expect(im.preview.value).toBeNull()
    expect(im.result.value).toEqual({ added: 2 })
  })

  it('shows a failed preview inline, names a desktop file by its base name, and toasts a failed apply only when told', async () => {
    const preview = vi.fn().mockRejectedValueOnce(new ApiError('invalid', '不是表格文件')).mockResolvedValue({ rows: 1 })
    const apply = vi.fn().mockRejectedValue(new ApiError('invalid', '第3行缺少内容'))
    const im = useFileImport({ preview, apply, success: () => '', toast: true })
    await im.picked(pick('a.txt'))
    expect(im.failure.value).toBe('不是表格文件')
    expect(im.preview.value).toBeNull()
    await im.chosen('C:\\数据\\留言.xlsx')
    expect(preview).toHaveBeenLastCalledWith({ name: '留言.xlsx', path: 'C:\\数据\\留言.xlsx' })
    expect(im.failure.value).toBe('')
    await im.apply()
    expect(im.failure.value).toBe('第3行缺少内容')
    expect(ElMessage.error).toHaveBeenCalledWith('第3行缺少内容')
    expect(im.preview.value).toEqual({ rows: 1 })
    expect(im.busy.value).toBe(false)
    im.reset()
    expect([im.source.value, im.preview.value, im.failure.value]).toEqual([null, null, ''])
  })
})

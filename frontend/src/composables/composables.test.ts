import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'

vi.mock('element-plus', () => ({
  ElMessage: { error: vi.fn(), success: vi.fn() },
  ElMessageBox: { confirm: vi.fn() },
}))

import { ElMessage, ElMessageBox } from 'element-plus'
import { ApiError } from '../api/errors'
import { errorText, showError } from './errors'
import { usePagedList } from './usePagedList'
import { useFormDialog } from './useFormDialog'
import { useAction } from './useAction'
import { useImportProgress } from './useImportProgress'
import { Events } from '../api/events'

/** A promise and the functions that settle it, for answers that arrive in a chosen order. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

beforeEach(() => vi.clearAllMocks())

describe('the error display', () => {
  it('shows the Go side’s message, and a generic one for anything else', () => {
    expect(showError(new ApiError('invalid', '标题不能为空', 'title')).field).toBe('title')
    expect(ElMessage.error).toHaveBeenCalledWith('标题不能为空')
    expect(errorText(new TypeError('x is undefined'))).toMatch(/操作未能完成/)
  })
})

describe('usePagedList', () => {
  it('loads a page with the query, offset and limit', async () => {
    const fetch = vi.fn(async () => ({ rows: ['a', 'b'], total: 42 }))
    const list = usePagedList({ query: { status: '' }, fetch, pageSize: 20 })
    list.query.status = '办理中'
    await list.goTo(3)
    expect(fetch).toHaveBeenCalledWith({ status: '办理中' }, 40, 20)
    expect(list.rows.value).toEqual(['a', 'b'])
    expect(list.total.value).toBe(42)
    await list.search()
    expect(list.page.value).toBe(1)
    expect(fetch).toHaveBeenLastCalledWith({ status: '办理中' }, 0, 20)
  })

  it('keeps the latest request’s answer when an older one arrives after it', async () => {
    const answers = [deferred<{ rows: string[]; total: number }>(), deferred<{ rows: string[]; total: number }>()]
    let n = 0
    const list = usePagedList<{ q: string }, string>({ query: { q: '' }, fetch: () => answers[n++].promise })
    list.query.q = '旧'
    const first = list.load()
    list.query.q = '新'
    const second = list.load()
    answers[1].resolve({ rows: ['新的'], total: 1 })
    await second
    expect(list.loading.value).toBe(false)
    answers[0].resolve({ rows: ['旧的'], total: 9 })
    await first
    expect(list.rows.value).toEqual(['新的'])
    expect(list.total.value).toBe(1)
  })

  it('ignores the failure of a request a newer one replaced, and shows its own', async () => {
    const old = deferred<{ rows: string[]; total: number }>()
    const fetch = vi.fn().mockReturnValueOnce(old.promise).mockResolvedValueOnce({ rows: ['x'], total: 1 })
    const list = usePagedList<object, string>({ query: {}, fetch })
    const first = list.load()
    await list.load()
    old.reject(new ApiError('internal', '旧请求失败'))
    await first
    expect(ElMessage.error).not.toHaveBeenCalled()
    expect(list.rows.value).toEqual(['x'])
    fetch.mockRejectedValueOnce(new ApiError('forbidden', '没有权限'))
    await list.load()
    expect(ElMessage.error).toHaveBeenCalledWith('没有权限')
    expect(list.loading.value).toBe(false)
  })
})

describe('useFormDialog', () => {
  type Form = { title: string; date: string; body: string }
  const blank = (): Form => ({ title: '', date: '', body: '' })

  function dialog(save = vi.fn(async (f: Form) => ({ ...f, id: 1 }))) {
    const open = ref(false)
    const form = ref(blank())
    const close = vi.fn(() => void (open.value = false))
    const saved = vi.fn()
    const d = useFormDialog({
      visible: () => open.value,
      close,
      opened: () => void (form.value = blank()),
      rules: {
        title: () => (form.value.title ? '' : '请填写标题'),
        date: () => (form.value.date ? '' : '请选择日期'),
        body: () => (form.value.body.length > 3 ? '正文过长' : ''),
      },
      save: () => save(form.value),
      success: '已保存',
      saved,
    })
    return { open, form, close, saved, save, d }
  }

  it('shows every failing field at once and saves nothing', async () => {
    const { d, save } = dialog()
    expect(await d.submit()).toBe(false)
    expect(d.errors).toEqual({ title: '请填写标题', date: '请选择日期' })
    expect(save).not.toHaveBeenCalled()
    expect(ElMessage.error).toHaveBeenCalledWith('有 2 处需要填写或更正，请查看标红的项目。')
  })

  it('saves, tells, hands the result on and closes', async () => {
    const { d, open, form, close, saved } = dialog()
    open.value = true
    await nextTick()
    Object.assign(form.value, { title: '通知', date: '2026-03-02', body: '正文' })
    expect(await d.submit()).toBe(true)
    expect(saved).toHaveBeenCalledWith({ title: '通知', date: '2026-03-02', body: '正文', id: 1 })
    expect(ElMessage.success).toHaveBeenCalledWith('已保存')
    expect(close).toHaveBeenCalled()
    expect(d.saving.value).toBe(false)
  })

  it('lights up the field the Go side refuses, and starts clean when opened again', async () => {
    const { d, open, form, close } = dialog(vi.fn().mockRejectedValue(new ApiError('invalid', '日期不是工作日', 'date')))
    open.value = true
    await nextTick()
    Object.assign(form.value, { title: '通知', date: '2026-03-01', body: '' })
    expect(await d.submit()).toBe(false)
    expect(d.errors).toEqual({ date: '日期不是工作日' })
    expect(ElMessage.error).toHaveBeenCalledWith('日期不是工作日')
    expect(close).not.toHaveBeenCalled()
    open.value = false
    await nextTick()
    open.value = true
    await nextTick()
    expect(d.errors).toEqual({})
    expect(form.value).toEqual(blank())
  })
})

describe('useFormDialog shown inline', () => {
  it('keeps a failing rule’s message and the Go side’s in failure, without a toast', async () => {
    const open = ref(true)
    const value = ref('')
    const save = vi.fn().mockRejectedValue(new ApiError('invalid', '理由过短', 'reason'))
    const d = useFormDialog({ visible: () => open.value, close: vi.fn(), rules: { reason: () => (value.value ? '' : '请填写理由') }, save, inline: true })
    expect(await d.submit()).toBe(false)
    expect(d.failure.value).toBe('请填写理由')
    value.value = '短'
    expect(await d.submit()).toBe(false)
    expect(d.failure.value).toBe('理由过短')
    expect(d.errors).toEqual({ reason: '理由过短' })
    expect(ElMessage.error).not.toHaveBeenCalled()
    open.value = false
    await nextTick()
    open.value = true
    await nextTick()
    expect(d.failure.value).toBe('')
  })

  it('lets the dialog take over a refusal it answers itself, and shows the others', async () => {
    const refused = vi.fn((err: ApiError) => err.code === 'forbidden')
    const save = vi.fn().mockRejectedValueOnce(new ApiError('forbidden', '征求意见未结束')).mockRejectedValueOnce(new ApiError('conflict', '已被修改'))
    const close = vi.fn()
    const d = useFormDialog({ visible: () => true, close, save, refused })
    expect(await d.submit()).toBe(false)
    expect(ElMessage.error).not.toHaveBeenCalled()
    expect(await d.submit()).toBe(false)
    expect(ElMessage.error).toHaveBeenCalledWith('已被修改')
    expect(refused).toHaveBeenCalledTimes(2)
    expect(close).not.toHaveBeenCalled()
  })
})

describe('useAction', () => {
  it('asks first, runs, and says it is done', async () => {
    vi.mocked(ElMessageBox.confirm).mockResolvedValue('confirm' as never)
    const fn = vi.fn(async (id: number) => id * 2)
    const done = vi.fn()
    const a = useAction(fn, { confirm: (id) => `确定公开第 ${id} 件？`, success: '已公开', done })
    expect(await a.run(21)).toBe(42)
    expect(vi.mocked(ElMessageBox.confirm).mock.calls[0][0]).toBe('确定公开第 21 件？')
    expect(ElMessage.success).toHaveBeenCalledWith('已公开')
    expect(done).toHaveBeenCalledWith(42)
    expect(a.loading.value).toBe(false)
  })

  it('does nothing when the question is cancelled', async () => {
    vi.mocked(ElMessageBox.confirm).mockRejectedValue('cancel')
    const fn = vi.fn(async () => 1)
    expect(await useAction(fn, { confirm: '确定？' }).run()).toBeUndefined()
    expect(fn).not.toHaveBeenCalled()
  })

  it('shows a failure and keeps the loading flag while running', async () => {
    const answer = deferred<number>()
    const a = useAction(() => answer.promise)
    const running = a.run()
    expect(a.loading.value).toBe(true)
    answer.reject(new ApiError('conflict', '记录已被他人修改'))
    expect(await running).toBeUndefined()
    expect(ElMessage.error).toHaveBeenCalledWith('记录已被他人修改')
    expect(a.loading.value).toBe(false)
  })
})

describe('useImportProgress', () => {
  it('is importing while apply runs, and a failed cancel is shown, not thrown', async () => {
    const d = deferred<void>()
    const cancel = vi.fn(async () => {
      throw new ApiError('conflict', '没有正在进行的导入')
    })
    const p = useImportProgress(Events.ImportProgress, () => d.promise, cancel)
    const running = p.runImport()
    expect(p.importing.value).toBe(true)
    expect(p.percent.value).toBe(0)
    p.progress.value = { done: 30, total: 120 }
    expect(p.percent.value).toBe(25)
    await p.cancel()
    expect(ElMessage.error).toHaveBeenCalledWith('没有正在进行的导入')
    d.resolve()
    await running
    expect(p.importing.value).toBe(false)
  })
})

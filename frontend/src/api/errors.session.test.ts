// The session-wide failures of api/errors.ts call(): password confirmation with one retry, sign-in again,
// conflict and an unreachable server.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, call, setErrorHandlers, toApiError } from './errors'

const fail = (code: string, message = '消息') => Promise.reject(JSON.stringify({ code, message }))

afterEach(() => setErrorHandlers({}))

describe('error codes', () => {
  it('knows unauthenticated, confirm and unavailable', () => {
    for (const code of ['unauthenticated', 'confirm', 'unavailable']) {
      expect(toApiError({ code, message: '请先登录' }).code).toBe(code)
    }
    expect(toApiError({ code: 'teapot', message: '奇怪' }).code).toBe('internal')
  })
})

describe('call() and the shell handlers', () => {
  it('asks for the password once and retries the call once', async () => {
    const confirm = vi.fn().mockResolvedValue(true)
    setErrorHandlers({ confirm })
    const fn = vi.fn().mockImplementationOnce(() => fail('confirm', '审签前请输入密码确认')).mockResolvedValueOnce('已同意')
    await expect(call(fn)).resolves.toBe('已同意')
    expect(fn).toHaveBeenCalledTimes(2)
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(confirm.mock.calls[0][0]).toMatchObject({ code: 'confirm', message: '审签前请输入密码确认' })
  })

  it('does not loop: a second confirm after the retry is an error', async () => {
    const confirm = vi.fn().mockResolvedValue(true)
    setErrorHandlers({ confirm })
    const fn = vi.fn().mockImplementation(() => fail('confirm'))
    await expect(call(fn)).rejects.toMatchObject({ code: 'confirm' })
    expect(fn).toHaveBeenCalledTimes(2)
    expect(confirm).toHaveBeenCalledTimes(1)
  })

  it('a cancelled confirmation does not retry and says so in Chinese', async () => {
    setErrorHandlers({ confirm: vi.fn().mockResolvedValue(false) })
    const fn = vi.fn().mockImplementation(() => fail('confirm'))
    const err = (await call(fn).catch((e: unknown) => e)) as ApiError
    expect(err.code).toBe('confirm')
    expect(err.message).toContain('已取消')
    expect(fn).toHaveBeenCalledTimes(1)
  })

  it('the retry\'s own failure is what the page sees', async () => {
    setErrorHandlers({ confirm: vi.fn().mockResolvedValue(true) })
    const fn = vi.fn().mockImplementationOnce(() => fail('confirm')).mockImplementationOnce(() => fail('forbidden', '不能审批自己撰写的答复'))
    await expect(call(fn)).rejects.toMatchObject({ code: 'forbidden', message: '不能审批自己撰写的答复' })
  })

  it('sends an expired session back to the 登录 page and still rejects', async () => {
    const unauthenticated = vi.fn()
    setErrorHandlers({ unauthenticated })
    await expect(call(() => fail('unauthenticated', '登录已过期，请重新登录'))).rejects.toMatchObject({ code: 'unauthenticated' })
    expect(unauthenticated).toHaveBeenCalledWith(expect.objectContaining({ message: '登录已过期，请重新登录' }))
  })

  it('offers 刷新 on a conflict, the banner when the server is away, and clears it when it answers', async () => {
    const conflict = vi.fn()
    const unavailable = vi.fn()
    const reachable = vi.fn()
    setErrorHandlers({ conflict, unavailable, reachable })
    await expect(call(() => fail('conflict', '该留言已被张卫东于10:42修改，请刷新后再处理'))).rejects.toBeInstanceOf(ApiError)
    expect(conflict).toHaveBeenCalledTimes(1)
    await expect(call(() => fail('unavailable', '无法连接单位服务器…'))).rejects.toMatchObject({ code: 'unavailable' })
    expect(unavailable).toHaveBeenCalledTimes(1)
    expect(reachable).not.toHaveBeenCalled()
    await call(() => Promise.resolve(1))
    expect(reachable).toHaveBeenCalledTimes(1)
  })

  it('ordinary refusals reach no handler', async () => {
    const h = { confirm: vi.fn(), unauthenticated: vi.fn(), conflict: vi.fn(), unavailable: vi.fn() }
    setErrorHandlers(h)
    await expect(call(() => fail('invalid', '请填写标题'))).rejects.toMatchObject({ code: 'invalid' })
    Object.values(h).forEach((f) => expect(f).not.toHaveBeenCalled())
  })
})

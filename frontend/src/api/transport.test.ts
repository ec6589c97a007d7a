import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deliverExport, downloadURL, hasNativeDialogs, installTransport, invoke, resetTransport, setRemote, transportMode, UNAVAILABLE_MESSAGE } from './transport'
import { GetBureau, SaveBureau } from '../../wailsjs/go/app/SettingsService'
import { EventsOn, EventsOff } from '../../wailsjs/runtime/runtime'
import { ApiError, toApiError } from './errors'
import { login, logout, me } from './auth'

type W = Window & { go?: unknown; runtime?: unknown }

function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? '' : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

/** A minimal EventSource: the test pushes events by name. */
class FakeSource {
  static last: FakeSource | null = null
  url: string
  closed = false
  handlers = new Map<string, ((ev: MessageEvent) => void)[]>()
  constructor(url: string) {
    this.url = url
    FakeSource.last = this
  }
  addEventListener(name: string, fn: (ev: MessageEvent) => void) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn])
  }
  close() {
    this.closed = true
  }
  push(name: string, data: string) {
    for (const fn of this.handlers.get(name) ?? []) fn(new MessageEvent(name, { data }))
  }
}

const session = { personId: 12, login: 'zhou', name: '周明远', csrfToken: 'tok-1', mode: 'server' }

afterEach(() => {
  resetTransport()
  delete (window as W).go
  delete (window as W).runtime
  FakeSource.last = null
})

describe('browser transport (no Wails bridge)', () => {
  let fetchMock: ReturnType<typeof vi.fn>
  beforeEach(() => {
    fetchMock = vi.fn()
    expect(installTransport(window, { fetch: fetchMock as never, EventSource: FakeSource as never })).toBe('browser')
  })

  it('maps a generated binding onto POST /api/<Service>/<Method> with the arguments as a JSON array', async () => {
    fetchMock.mockResolvedValueOnce(json(200, session)).mockResolvedValueOnce(json(200, { name: '临江市规划和自然资源局' }))
    await login('zhou', 'Mima-2026', true)
    const b = await GetBureau()
    expect(b).toEqual({ name: '临江市规划和自然资源局' })
    const [url, init] = fetchMock.mock.calls[1]
    expect(url).toBe('/api/SettingsService/GetBureau')
    expect(init.method).toBe('POST')
    expect(init.body).toBe('[]')
    expect(init.credentials).toBe('same-origin')
    expect(init.headers['X-CSRF-Token']).toBe('tok-1')
  })

  it('signs in through /api/login without a CSRF token and keeps the one it returns', async () => {
    fetchMock.mockResolvedValueOnce(json(200, session))
    const s = await login('zhou', 'Mima-2026', false)
    expect(s.name).toBe('周明远')
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/login')
    expect(JSON.parse(init.body)).toEqual({ login: 'zhou', password: 'Mima-2026' })
    expect(init.headers['X-CSRF-Token']).toBeUndefined()
    fetchMock.mockResolvedValueOnce(json(200, { name: 'x' }))
    await SaveBureau({ name: 'x' } as never)
    expect(JSON.parse(fetchMock.mock.calls[1][1].body)).toEqual([{ name: 'x' }])
    expect(fetchMock.mock.calls[1][1].headers['X-CSRF-Token']).toBe('tok-1')
  })

  it('asks /api/me with GET and signs out through /api/logout, dropping the token', async () => {
    fetchMock.mockResolvedValueOnce(json(200, session))
    await me()
    expect(fetchMock.mock.calls[0][0]).toBe('/api/me')
    expect(fetchMock.mock.calls[0][1].method).toBe('GET')
    fetchMock.mockResolvedValueOnce(json(200, null))
    await logout()
    expect(fetchMock.mock.calls[1][0]).toBe('/api/logout')
    expect(fetchMock.mock.calls[1][1].headers['X-CSRF-Token']).toBe('tok-1')
    fetchMock.mockResolvedValueOnce(json(200, {}))
    await GetBureau()
    expect(fetchMock.mock.calls[2][1].headers['X-CSRF-Token']).toBeUndefined()
  })

  it('rejects with the server body, so errors.ts keeps code, message and field', async () => {
    fetchMock.mockResolvedValueOnce(json(409, { code: 'conflict', message: '该留言已被张卫东于10:42修改，请刷新后再处理', field: '' }))
    const err = toApiError(await GetBureau().catch((e: unknown) => e))
    expect([err.code, err.message]).toEqual(['conflict', '该留言已被张卫东于10:42修改，请刷新后再处理'])
    fetchMock.mockResolvedValueOnce(json(400, { code: 'invalid', message: '单位全称不能为空', field: 'name' }))
    const inv = toApiError(await GetBureau().catch((e: unknown) => e))
    expect([inv.code, inv.field]).toEqual(['invalid', 'name'])
  })

  it('maps bare statuses and network failures onto codes', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>', { status: 401 }))
    expect(toApiError(await GetBureau().catch((e: unknown) => e)).code).toBe('unauthenticated')
    fetchMock.mockResolvedValueOnce(new Response('bad gateway', { status: 502 }))
    expect(toApiError(await GetBureau().catch((e: unknown) => e)).code).toBe('unavailable')
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    const off = toApiError(await GetBureau().catch((e: unknown) => e))
    expect([off.code, off.message]).toEqual(['unavailable', UNAVAILABLE_MESSAGE])
    fetchMock.mockResolvedValueOnce(new Response('oops', { status: 500 }))
    expect(toApiError(await GetBureau().catch((e: unknown) => e)).code).toBe('internal')
  })

  it('answers a method with no result as null', async () => {
    fetchMock.mockResolvedValueOnce(new Response('', { status: 200 }))
    expect(await invoke('SettingsService', 'DeletePerson', [3])).toBeNull()
    expect(fetchMock.mock.calls[0][1].body).toBe('[3]')
  })

  it('has no native dialogs: choosing a file is a cancel, and the buttons are hidden', async () => {
    expect(hasNativeDialogs()).toBe(false)
    expect(await invoke('ConsultationService', 'ChooseFile', ['选择', []])).toBe('')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('maps EventsOn/EventsOff onto one EventSource on /api/events, opened once signed in', async () => {
    const got: unknown[][] = []
    const off = EventsOn('messages:changed', (...d: unknown[]) => got.push(d))
    expect(FakeSource.last).toBeNull() // nobody signed in: the stream would only be refused
    fetchMock.mockResolvedValueOnce(json(200, session))
    await me()
    const src = FakeSource.last!
    expect(src.url).toBe('/api/events')
    src.push('messages:changed', '[42,"imported"]')
    src.push('messages:changed', 'not json')
    expect(got).toEqual([[42, 'imported']])
    // a second listener on the same name shares the stream and the DOM listener
    const other: unknown[] = []
    EventsOn('messages:changed', (d: unknown) => other.push(d))
    src.push('messages:changed', '[1]')
    expect(got).toHaveLength(2)
    expect(other).toEqual([1])
    off()
    src.push('messages:changed', '[2]')
    expect(got).toHaveLength(2)
    expect(other).toEqual([1, 2])
    EventsOff('messages:changed')
    src.push('messages:changed', '[3]')
    expect(other).toEqual([1, 2])
    expect(FakeSource.last).toBe(src)
  })

  it('reopens the event stream after a sign-in so it carries the new session', async () => {
    EventsOn('settings:changed', () => {})
    fetchMock.mockResolvedValueOnce(json(200, session))
    await me()
    const first = FakeSource.last!
    fetchMock.mockResolvedValueOnce(json(200, session))
    await login('zhou', 'Mima-2026', false)
    expect(first.closed).toBe(true)
    expect(FakeSource.last).not.toBe(first)
    expect(FakeSource.last!.handlers.has('settings:changed')).toBe(true)
  })

  it('delivers an export as a download of its base name', async () => {
    const clicked: string[] = []
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.getAttribute('href')} ${this.download}`)
    })
    expect(await deliverExport('/srv/pd/exports/审签单.docx')).toBe('审签单.docx')
    expect(clicked).toEqual([`/api/download?file=${encodeURIComponent('审签单.docx')} 审签单.docx`])
    spy.mockRestore()
  })

  it('turns an export path into a download link of its base name', () => {
    expect(downloadURL('/srv/policydesk/exports/信箱台账 2026.xlsx')).toBe(`/api/download?file=${encodeURIComponent('信箱台账 2026.xlsx')}`)
    expect(downloadURL('C:\\data\\exports\\审签单.docx')).toBe(`/api/download?file=${encodeURIComponent('审签单.docx')}`)
  })
})

describe('desktop transport', () => {
  const native = {
    SettingsService: { GetBureau: vi.fn() },
    ConsultationService: { ChooseFile: vi.fn() },
    RemoteService: { Call: vi.fn(), Status: vi.fn() },
  }
  beforeEach(() => {
    Object.values(native).forEach((s) => Object.values(s).forEach((f) => f.mockReset()))
    ;(window as W).go = { app: native }
    expect(installTransport(window, { fetch: vi.fn() as never })).toBe('desktop')
  })

  it('standalone: the generated bindings reach the Wails bridge unchanged', async () => {
    native.SettingsService.GetBureau.mockResolvedValue({ name: '本机' })
    expect(await GetBureau()).toEqual({ name: '本机' })
    expect(native.RemoteService.Call).not.toHaveBeenCalled()
    expect(hasNativeDialogs()).toBe(true)
  })

  it('connected to a server: every call goes through RemoteService.Call as JSON, native dialogs stay local', async () => {
    setRemote(true)
    expect(transportMode()).toBe('client')
    expect(hasNativeDialogs()).toBe(false)
    native.RemoteService.Call.mockResolvedValue('{"name":"单位服务器"}')
    expect(await GetBureau()).toEqual({ name: '单位服务器' })
    expect(native.RemoteService.Call).toHaveBeenCalledWith('SettingsService', 'GetBureau', '[]')
    native.RemoteService.Call.mockResolvedValue('null')
    expect(await invoke('SettingsService', 'DeletePerson', [7])).toBeNull()
    expect(native.RemoteService.Call).toHaveBeenLastCalledWith('SettingsService', 'DeletePerson', '[7]')
    // RemoteService itself is never forwarded
    native.RemoteService.Status.mockResolvedValue({ connected: true })
    await invoke('RemoteService', 'Status', [])
    expect(native.RemoteService.Status).toHaveBeenCalled()
    native.ConsultationService.ChooseFile.mockResolvedValue('')
    await invoke('ConsultationService', 'ChooseFile', ['t', []])
    expect(native.ConsultationService.ChooseFile).toHaveBeenCalled()
    setRemote(false)
    expect(transportMode()).toBe('desktop')
  })

  it('an export: kept as is on a standalone desk, fetched into the desk\'s exports folder when connected', async () => {
    expect(await deliverExport('/home/u/exports/a.xlsx')).toBe('/home/u/exports/a.xlsx')
    setRemote(true)
    ;(native.RemoteService as Record<string, ReturnType<typeof vi.fn>>).Download = vi.fn().mockResolvedValue('/home/u/exports/a (2).xlsx')
    expect(await deliverExport('/srv/pd/exports/a.xlsx')).toBe('/home/u/exports/a (2).xlsx')
    expect((native.RemoteService as Record<string, ReturnType<typeof vi.fn>>).Download).toHaveBeenCalledWith('/srv/pd/exports/a.xlsx')
  })

  it('a server failure from Go keeps its code', async () => {
    setRemote(true)
    native.RemoteService.Call.mockRejectedValue('{"code":"unavailable","message":"无法连接单位服务器，请检查网络或联系管理员；本次操作没有保存。"}')
    const err = toApiError(await GetBureau().catch((e: unknown) => e))
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('unavailable')
  })

  it('a method the Go side does not bind is a not_found error, not a crash', async () => {
    const err = toApiError(await invoke('AuthService', 'LoginPage', []).catch((e: unknown) => e))
    expect(err.code).toBe('not_found')
  })
})

describe('desk transport (the Wails bridge with the desk call path)', () => {
  it('sends every service call through server.Desk.Call as JSON; the desk connection itself stays direct', async () => {
    const deskCall = vi.fn().mockResolvedValue(JSON.stringify({ name: '临江市规划和自然资源局' }))
    const status = vi.fn().mockResolvedValue({ connected: false })
    const getBureau = vi.fn()
    ;(window as W).go = { app: { SettingsService: { GetBureau: getBureau }, RemoteService: { Status: status } }, server: { Desk: { Call: deskCall } } }
    expect(installTransport(window)).toBe('desktop')
    expect(await GetBureau()).toEqual({ name: '临江市规划和自然资源局' })
    expect(deskCall).toHaveBeenCalledWith('SettingsService', 'GetBureau', '[]')
    expect(getBureau).not.toHaveBeenCalled()
    await invoke('RemoteService', 'Status', [])
    expect(status).toHaveBeenCalled()
    // a refusal keeps its code and message
    deskCall.mockRejectedValueOnce(JSON.stringify({ code: 'forbidden', message: '林雨桐（信箱管理员）没有执行此操作的权限' }))
    const err = await SaveBureau({ name: 'x' } as never).catch((e: unknown) => toApiError(e))
    expect(err).toMatchObject({ code: 'forbidden' })
  })

  it('calls the bindings directly where there is no desk call path (the recovery page)', async () => {
    const getBureau = vi.fn().mockResolvedValue({ name: '局' })
    ;(window as W).go = { app: { SettingsService: { GetBureau: getBureau } } }
    installTransport(window)
    expect(await GetBureau()).toEqual({ name: '局' })
    expect(getBureau).toHaveBeenCalled()
  })
})

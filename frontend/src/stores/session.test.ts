import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../api/auth', () => ({
  loginPage: vi.fn(),
  me: vi.fn(),
  login: vi.fn(),
  logout: vi.fn(),
  changePassword: vi.fn(),
}))
vi.mock('../api/transport', () => ({ transportMode: vi.fn(() => 'browser'), invoke: vi.fn() }))

import * as auth from '../api/auth'
import { invoke, transportMode } from '../api/transport'
import { ApiError } from '../api/errors'
import { useSessionStore } from './session'
import { useSettingsStore } from './settings'

const page = { bureau: '临江市规划和自然资源局', needsLogin: true, demo: false, demoAccounts: [], mode: 'server' as const, canKeep: false, preparing: false }
const zhou = {
  personId: 12, login: 'zhouming', name: '周明远', role: 'officer', sectionId: 1, sectionName: '综合组', title: '科员',
  admin: false, mustChangePassword: false, csrfToken: 't', confirmedAt: '', mode: 'server' as const, demo: false,
}

describe('session store', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    vi.mocked(transportMode).mockReturnValue('browser')
    setActivePinia(createPinia())
    vi.mocked(auth.loginPage).mockResolvedValue(page)
  })

  it('shows the 登录 page when nobody is signed in', async () => {
    vi.mocked(auth.me).mockRejectedValue(new ApiError('unauthenticated', '请先登录'))
    const s = useSessionStore()
    await s.start()
    expect([s.known, s.signedIn, s.page.bureau]).toEqual([true, false, '临江市规划和自然资源局'])
    expect(useSettingsStore().currentUser.set).toBe(false)
  })

  it('resumes a live session; the acting person is the session\'s', async () => {
    vi.mocked(auth.me).mockResolvedValue(zhou)
    const s = useSessionStore()
    await s.start()
    expect(s.signedIn).toBe(true)
    expect(useSettingsStore().currentUser).toMatchObject({ personId: 12, name: '周明远', role: 'officer', set: true })
  })

  it('forces a password change after an administrator\'s reset, and lets the person in once it is changed', async () => {
    vi.mocked(auth.me).mockRejectedValue(new ApiError('unauthenticated', '请先登录'))
    vi.mocked(auth.login).mockResolvedValue({ ...zhou, mustChangePassword: true })
    vi.mocked(auth.changePassword).mockResolvedValue(zhou)
    const s = useSessionStore()
    await s.start()
    await s.login('zhouming', 'Chushi-2026', false)
    expect([s.signedIn, s.mustChangePassword]).toEqual([true, true])
    await s.changePassword('Chushi-2026', 'Xinmima-2026')
    expect(s.mustChangePassword).toBe(false)
  })

  it('an expired session goes back to the 登录 page with the reason; signing out leaves nobody', async () => {
    vi.mocked(auth.me).mockResolvedValue(zhou)
    vi.mocked(auth.logout).mockResolvedValue()
    const s = useSessionStore()
    await s.start()
    s.expired('登录已过期，请重新登录')
    expect([s.signedIn, s.reason]).toEqual([false, '登录已过期，请重新登录'])
    s.adopt(zhou)
    await s.logout()
    expect([s.signedIn, s.reason, useSettingsStore().currentUser.name]).toEqual([false, '', ''])
  })

  it('a wrong password keeps the person on the 登录 page', async () => {
    vi.mocked(auth.me).mockRejectedValue(new ApiError('unauthenticated', '请先登录'))
    vi.mocked(auth.login).mockRejectedValue(new ApiError('unauthenticated', '账号或密码不正确'))
    const s = useSessionStore()
    await s.start()
    await expect(s.login('zhouming', 'x', false)).rejects.toMatchObject({ message: '账号或密码不正确' })
    expect(s.signedIn).toBe(false)
  })

  it('a desk whose Go side has no accounts runs as before; the browser never does', async () => {
    vi.mocked(auth.loginPage).mockRejectedValue(new ApiError('not_found', '程序没有提供AuthService.LoginPage'))
    vi.mocked(auth.me).mockRejectedValue(new ApiError('not_found', '程序没有提供AuthService.Me'))
    vi.mocked(transportMode).mockReturnValue('desktop')
    vi.mocked(invoke).mockResolvedValue({ personId: 12, name: '周明远', sectionId: 1, sectionName: '综合组', role: 'officer', title: '', set: true })
    const desk = useSessionStore()
    await desk.start()
    expect([desk.legacy, desk.signedIn]).toEqual([true, true])
    expect(invoke).toHaveBeenCalledWith('SettingsService', 'GetCurrentUser', [])
    expect(useSettingsStore().currentUser.name).toBe('周明远')

    setActivePinia(createPinia())
    vi.mocked(transportMode).mockReturnValue('browser')
    const web = useSessionStore()
    await web.start()
    expect([web.legacy, web.signedIn]).toEqual([false, false])
  })

  it('says when the server cannot be reached', async () => {
    vi.mocked(auth.loginPage).mockRejectedValue(new ApiError('unavailable', '无法连接单位服务器…'))
    vi.mocked(auth.me).mockRejectedValue(new ApiError('unavailable', '无法连接单位服务器…'))
    const s = useSessionStore()
    await s.start()
    expect(s.unavailable).toBe('无法连接单位服务器…')
    expect(s.signedIn).toBe(false)
  })
})

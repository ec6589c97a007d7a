import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'

vi.mock('../../api/auth', () => ({ loginPage: vi.fn(), me: vi.fn(), login: vi.fn(), logout: vi.fn(), changePassword: vi.fn() }))
vi.mock('../../api/transport', () => ({ transportMode: vi.fn(() => 'browser'), hasNativeDialogs: () => false }))
vi.mock('../../api/remote', () => ({}))

import * as auth from '../../api/auth'
import { ApiError } from '../../api/errors'
import { useSessionStore } from '../../stores/session'
import LoginView from './LoginView.vue'

const demoAccounts = [{ login: 'zhangwd', password: 'Demo-2026b', name: '张卫东', role: 'approver', roleLabel: '审核审签人员', sectionName: '办公室' }]

function mountWith(page: Partial<ReturnType<typeof useSessionStore>['page']>) {
  const s = useSessionStore()
  s.page = { bureau: '临江市规划和自然资源局', needsLogin: true, demo: false, demoAccounts: [], mode: 'server', canKeep: false, preparing: false, ...page }
  return mount(LoginView, { global: { plugins: [ElementPlus], stubs: { ServerSettings: true } } })
}

describe('登录 page', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    setActivePinia(createPinia())
  })

  it('names the bureau; lists demo accounts only in demo data', () => {
    const plain = mountWith({ demoAccounts })
    expect(plain.get('[data-testid="login-bureau"]').text()).toBe('临江市规划和自然资源局')
    expect(plain.find('[data-testid="login-demo"]').exists()).toBe(false)
    const demo = mountWith({ demo: true, demoAccounts })
    expect(demo.get('[data-testid="login-demo-zhangwd"]').text()).toContain('审核审签人员')
  })

  it('offers 在本机保持登录 only on a standalone desk where one person has a login', () => {
    expect(mountWith({ mode: 'server', canKeep: true }).find('[data-testid="login-keep"]').exists()).toBe(false)
    expect(mountWith({ mode: 'standalone', canKeep: false }).find('[data-testid="login-keep"]').exists()).toBe(false)
    expect(mountWith({ mode: 'standalone', canKeep: true }).find('[data-testid="login-keep"]').exists()).toBe(true)
  })

  it('a demo row fills 账号 and 密码; the server\'s refusal (lockout) is shown and the password cleared', async () => {
    vi.mocked(auth.login).mockRejectedValue(new ApiError('unauthenticated', '密码连续错误5次，账号已锁定，请15分钟后再试或联系管理员解锁。'))
    const w = mountWith({ demo: true, demoAccounts })
    await w.get('[data-testid="login-demo-zhangwd"]').trigger('click')
    expect((w.get('[data-testid="login-name"]').element as HTMLInputElement).value).toBe('zhangwd')
    expect((w.get('[data-testid="login-password"]').element as HTMLInputElement).value).toBe('Demo-2026b')
    await w.get('[data-testid="login-form"]').trigger('submit')
    await flushPromises()
    expect(auth.login).toHaveBeenCalledWith('zhangwd', 'Demo-2026b', false)
    expect(w.get('[data-testid="login-error"]').text()).toContain('锁定')
    expect((w.get('[data-testid="login-password"]').element as HTMLInputElement).value).toBe('')
  })

  it('asks for what is missing before calling the server', async () => {
    const w = mountWith({})
    await w.get('[data-testid="login-form"]').trigger('submit')
    expect(w.get('[data-testid="login-error"]').text()).toBe('请输入账号。')
    await w.get('[data-testid="login-name"]').setValue('zhangwd')
    await w.get('[data-testid="login-form"]').trigger('submit')
    expect(w.get('[data-testid="login-error"]').text()).toBe('请输入密码。')
    expect(auth.login).not.toHaveBeenCalled()
  })

  it('shows why the session ended', () => {
    const s = useSessionStore()
    s.reason = '登录已过期，请重新登录'
    expect(mountWith({}).get('[data-testid="login-error"]').text()).toBe('登录已过期，请重新登录')
  })
})

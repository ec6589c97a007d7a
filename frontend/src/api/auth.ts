// Typed wrapper of AuthService: signing in and out, the password, its confirmation (电子签名确认) and, for an
// administrator, the people's logins. The shapes follow core.Session, core.LoginPage and core.Account.
import { call } from './errors'
import { invoke, setCsrfToken } from './transport'

export type SessionMode = 'standalone' | 'server' | 'client'

export interface Session {
  personId: number
  login: string
  name: string
  role: string
  sectionId: number
  sectionName: string
  title: string
  admin: boolean
  mustChangePassword: boolean
  csrfToken?: string
  /** RFC 3339, or "" when the password was not confirmed in this session */
  confirmedAt: string
  mode: SessionMode
  demo: boolean
}

export interface DemoAccount {
  login: string
  password: string
  name: string
  role: string
  roleLabel: string
  sectionName: string
}

export interface LoginPage {
  bureau: string
  needsLogin: boolean
  demo: boolean
  demoAccounts: DemoAccount[] | null
  mode: SessionMode
  /** 在本机保持登录 is offered: a standalone desk where one person has a login */
  canKeep: boolean
}

export interface Account {
  personId: number
  login: string
  name: string
  role: string
  sectionName: string
  admin: boolean
  disabled: boolean
  /** RFC 3339, or "" when not locked */
  lockedUntil: string
  lastLoginAt: string
  mustChangePassword: boolean
  version: number
}

const auth = <T>(method: string, ...args: unknown[]): Promise<T> => invoke('AuthService', method, args) as Promise<T>

function kept(s: Session): Session {
  if (s.csrfToken) setCsrfToken(s.csrfToken)
  return s
}

export const me = (): Promise<Session> => call(() => auth<Session>('Me')).then(kept)
export const loginPage = (): Promise<LoginPage> => call(() => auth<LoginPage>('LoginPage'))
export const login = (name: string, password: string, keep: boolean): Promise<Session> =>
  call(() => auth<Session>('Login', name, password, keep)).then(kept)
export const logout = (): Promise<void> => call(() => auth<void>('Logout'))
export const changePassword = (oldPassword: string, newPassword: string): Promise<Session> =>
  call(() => auth<Session>('ChangePassword', oldPassword, newPassword)).then(kept)

/**
 * Confirms the password for a signature. Not wrapped in call(): it is what call() itself runs when a
 * signature is asked for, and a wrong password must stay in the dialog rather than start another one.
 */
export const confirmPassword = (password: string): Promise<Session> => auth<Session>('ConfirmPassword', password)

export const listAccounts = (): Promise<Account[]> => call(() => auth<Account[] | null>('Accounts')).then((a) => a ?? [])
export const createAccount = (personId: number, loginName: string, password: string, admin: boolean): Promise<Account> =>
  call(() => auth<Account>('CreateAccount', personId, loginName, password, admin))
export const resetPassword = (personId: number, newPassword: string): Promise<Account> =>
  call(() => auth<Account>('ResetPassword', personId, newPassword))
export const setAccountDisabled = (personId: number, disabled: boolean): Promise<Account> =>
  call(() => auth<Account>('SetAccountDisabled', personId, disabled))
export const unlockAccount = (personId: number): Promise<Account> => call(() => auth<Account>('UnlockAccount', personId))

/** The password rule an 等保 2.0 review expects: 8 characters or more, from at least 3 of 4 classes. */
export function passwordProblem(pw: string): string {
  if (pw.length < 8) return '密码至少8位。'
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(pw)).length
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类。'
  return ''
}

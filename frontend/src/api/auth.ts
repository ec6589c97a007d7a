// Typed wrapper of AuthService: signing in and out, the password, its confirmation (电子签名确认) and, for an
// administrator, the people's logins.
import * as go from '../../wailsjs/go/app/AuthService'
import type { core } from '../../wailsjs/go/models'
import { call } from './errors'
import { setCsrfToken } from './transport'

/** Where the desk works: on its own data, as the 单位服务器, or as a client of one (core.Session's mode). */
export type SessionMode = 'standalone' | 'server' | 'client'
export type Session = core.Session
export type DemoAccount = core.DemoAccount
export type LoginPage = core.LoginPage
export type Account = core.Account

function kept(s: Session): Session {
  if (s.csrfToken) setCsrfToken(s.csrfToken)
  return s
}

export const me = (): Promise<Session> => call(() => go.Me()).then(kept)
export const loginPage = (): Promise<LoginPage> => call(() => go.LoginPage())
export const login = (name: string, password: string, keep: boolean): Promise<Session> =>
  call(() => go.Login(name, password, keep)).then(kept)
export const logout = (): Promise<void> => call(() => go.Logout())
export const changePassword = (oldPassword: string, newPassword: string): Promise<Session> =>
  call(() => go.ChangePassword(oldPassword, newPassword)).then(kept)

/**
 * Confirms the password for a signature. Not wrapped in call(): it is what call() itself runs when a
 * signature is asked for, and a wrong password must stay in the dialog rather than start another one.
 */
export const confirmPassword = (password: string): Promise<Session> => go.ConfirmPassword(password)

export const listAccounts = (): Promise<Account[]> => call(() => go.Accounts())
export const createAccount = (personId: number, loginName: string, password: string, admin: boolean): Promise<Account> =>
  call(() => go.CreateAccount(personId, loginName, password, admin))
export const resetPassword = (personId: number, newPassword: string): Promise<Account> =>
  call(() => go.ResetPassword(personId, newPassword))
export const setAccountDisabled = (personId: number, disabled: boolean): Promise<Account> =>
  call(() => go.SetAccountDisabled(personId, disabled))
export const unlockAccount = (personId: number): Promise<Account> => call(() => go.UnlockAccount(personId))

/** The password rule an 等保 2.0 review expects: 8 characters or more, from at least 3 of 4 classes. */
export function passwordProblem(pw: string): string {
  if (pw.length < 8) return '密码至少8位。'
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(pw)).length
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类。'
  return ''
}

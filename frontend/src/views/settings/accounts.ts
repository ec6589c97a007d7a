// Small helpers for the 账号 column and dialog.
import type { Account } from '../../api/auth'

/** Whether five wrong passwords locked the account and the lock still holds at now. */
export function isLocked(a: Account, now: Date = new Date()): boolean {
  if (!a.lockedUntil) return false
  const t = Date.parse(a.lockedUntil)
  return !Number.isNaN(t) && t > now.getTime()
}

/** "2026-12-05 10:42" in the desk's time zone; "" for an empty or unreadable time. */
export function formatDateTime(iso: string): string {
  const t = new Date(iso)
  if (!iso || Number.isNaN(t.getTime())) return ''
  const p = (n: number) => String(n).padStart(2, '0')
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())} ${p(t.getHours())}:${p(t.getMinutes())}`
}

/** The 账号 column's words for an account (or its absence). */
export function accountState(a: Account | undefined, now: Date = new Date()): { text: string; tone: string } {
  if (!a) return { text: '未开通', tone: 'grey' }
  if (a.disabled) return { text: '已停用', tone: 'grey' }
  if (isLocked(a, now)) return { text: '已锁定', tone: 'red' }
  if (a.mustChangePassword) return { text: '待改密', tone: 'orange' }
  return { text: '正常', tone: 'green' }
}

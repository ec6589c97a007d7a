// Who is signed in at this desk or browser, what the 登录 page shows, and whether the 单位服务器 answers.
// The shell (App.vue) shows the 登录 page until there is a session, the forced 修改密码 page while the
// session must change its password, and the app otherwise.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as auth from '../api/auth'
import type { LoginPage, Session } from '../api/auth'
import { ApiError } from '../api/errors'
import { invoke, transportMode, type TransportMode } from '../api/transport'
import type { CurrentUser } from '../api/types'
import { useSettingsStore } from './settings'
import { errorText } from '../composables/errors'

const emptyPage = (): LoginPage => ({ bureau: '', needsLogin: true, demo: false, demoAccounts: [], mode: 'standalone', canKeep: false, preparing: false })

export const useSessionStore = defineStore('session', () => {
  const session = ref<Session | null>(null)
  const page = ref<LoginPage>(emptyPage())
  /** true once the start-up check is done */
  const known = ref(false)
  /** true when this build's Go side has no accounts (no AuthService): the app runs as before */
  const legacy = ref(false)
  /** the message of the 单位服务器 banner; "" when it answers */
  const unavailable = ref('')
  /** why the 登录 page is shown again (expired session), "" at a normal start */
  const reason = ref('')
  const mode = ref<TransportMode>(transportMode())

  const signedIn = computed(() => legacy.value || session.value !== null)
  const mustChangePassword = computed(() => session.value?.mustChangePassword === true)
  /** native dialogs and folders exist only on a standalone desk */
  const nativeDialogs = computed(() => mode.value === 'desktop')

  function adopt(s: Session | null): void {
    session.value = s
    useSettingsStore().setSignedIn(
      s ? { personId: s.personId, name: s.name, sectionId: s.sectionId, sectionName: s.sectionName, role: s.role, title: s.title } : null,
    )
  }

  /** At start and after connecting to or leaving a server: the 登录 page's facts and any live session. */
  async function start(): Promise<void> {
    mode.value = transportMode()
    legacy.value = false
    unavailable.value = ''
    try {
      page.value = { ...emptyPage(), ...(await auth.loginPage()) }
    } catch (e) {
      if ((e as ApiError).code === 'not_found' && mode.value === 'desktop') {
        // a desk whose Go side predates accounts: no sign-in exists to ask for; the person acting is the one
        // that build stores
        legacy.value = true
        try {
          const u = (await invoke('SettingsService', 'GetCurrentUser', [])) as CurrentUser
          if (u?.set) useSettingsStore().setSignedIn(u)
        } catch {
          // nobody chosen: forms show no person
        }
        known.value = true
        return
      }
      if ((e as ApiError).code === 'unavailable') unavailable.value = errorText(e)
    }
    try {
      adopt(await auth.me())
    } catch {
      adopt(null)
    }
    known.value = true
  }

  async function login(name: string, password: string, keep: boolean): Promise<Session> {
    const s = await auth.login(name, password, keep)
    reason.value = ''
    unavailable.value = ''
    adopt(s)
    return s
  }

  async function logout(): Promise<void> {
    try {
      await auth.logout()
    } finally {
      reason.value = ''
      adopt(null)
    }
  }

  async function changePassword(oldPassword: string, newPassword: string): Promise<Session> {
    const s = await auth.changePassword(oldPassword, newPassword)
    adopt(s)
    return s
  }

  /** The server said the session is gone: back to the 登录 page with the reason. */
  function expired(message: string): void {
    if (!session.value) return
    reason.value = message
    adopt(null)
  }

  function setUnavailable(message: string): void {
    unavailable.value = message
  }

  return {
    session, page, known, legacy, unavailable, reason, mode,
    signedIn, mustChangePassword, nativeDialogs,
    start, login, logout, changePassword, expired, setUnavailable, adopt,
  }
})

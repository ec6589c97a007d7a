// How a call to a Go service travels. The generated bindings (frontend/wailsjs) always call
// window.go.app.<Service>.<Method>(...args); this module decides, per call, where that goes:
//
//   - desktop, standalone: the Wails bridge, as generated;
//   - desktop connected to a 单位服务器: RemoteService.Call in Go, which forwards the call over the pinned TLS
//     connection with the desk's session kept in Go (events come back as ordinary Wails events);
//   - browser (no Wails bridge): POST /api/<Service>/<Method> with the JSON array of the arguments, the session
//     cookie and the X-CSRF-Token header; events come from an EventSource on /api/events.
//
// installTransport() runs once before the app mounts, so every page and wrapper works unchanged.

export type TransportMode = 'desktop' | 'client' | 'browser'

type Binding = (...args: unknown[]) => Promise<unknown>
type ServiceTable = Record<string, Record<string, Binding>>
type Listener = { callback: (...data: unknown[]) => void; remaining: number }

/** Services that always run in this process, even when the desk works on a server's data. */
const LOCAL_SERVICES = new Set(['RemoteService', 'RecoveryService'])
/** Methods that open native dialogs: they stay on the desk (and are hidden in the browser). */
const NATIVE_METHODS = new Set(['ChooseFile', 'ChooseDirectory'])

/** Shown when the server cannot be reached. */
export const UNAVAILABLE_MESSAGE = '无法连接单位服务器，请检查网络或联系管理员；恢复连接前所做的操作不会保存。'

export interface TransportDeps {
  fetch: typeof fetch
  EventSource?: new (url: string, init?: EventSourceInit) => EventSource
  /** base of the API, '' for the page's own origin */
  base?: string
}

interface State {
  mode: TransportMode
  native: ServiceTable | null
  /** the desk's call path (window.go.server.Desk.Call), absent on the recovery page and in the browser */
  deskCall: Binding | null
  deps: TransportDeps
  csrf: string
  listeners: Map<string, Listener[]>
  source: EventSource | null
  sourceEvents: Set<string>
}

let state: State | null = null

type Win = Window & {
  go?: { app?: ServiceTable; server?: { Desk?: { Call?: Binding } } }
  EventSource?: TransportDeps['EventSource']
}

/** The failure body every transport rejects with: the same {code, message, field} the Go side formats. */
export interface Failure {
  code: string
  message: string
  field?: string
}

function failure(code: string, message: string, field = ''): Failure {
  return field ? { code, message, field } : { code, message }
}

/** The current mode ('browser' before installTransport in a page without the bridge). */
export function transportMode(): TransportMode {
  if (state) return state.mode
  return (window as Win).go ? 'desktop' : 'browser'
}

/** Whether native dialogs (choose a file or folder, open a folder) exist: only on a standalone desk. */
export function hasNativeDialogs(): boolean {
  return transportMode() === 'desktop'
}

/** The CSRF token the browser sends with every POST (learnt from sign-in or /api/me). */
export function setCsrfToken(token: string): void {
  if (state) state.csrf = token
}

/** Switches a desk between its own data and a server's (after RemoteService.Connect / Disconnect). */
export function setRemote(connected: boolean): void {
  if (!state || state.mode === 'browser') return
  state.mode = connected ? 'client' : 'desktop'
}

/** Routes one call; exported for tests and for the few callers that name a method dynamically. */
export async function invoke(service: string, method: string, args: unknown[]): Promise<unknown> {
  if (!state) throw failure('internal', '程序尚未就绪，请稍后重试。')
  if (state.mode === 'browser') return httpCall(state, service, method, args)
  const native = state.native
  if (!native) throw failure('internal', '程序尚未就绪，请稍后重试。')
  if (state.mode === 'client' && !LOCAL_SERVICES.has(service) && !NATIVE_METHODS.has(method)) {
    const text = (await native.RemoteService.Call(service, method, JSON.stringify(args))) as string
    return text === '' ? null : JSON.parse(text)
  }
  // On a desk every call goes through the desk's call path, which holds each method's declared access for the
  // signed-in person (as the server does); the recovery page, which has no such path, calls directly.
  if (state.deskCall && !LOCAL_SERVICES.has(service)) {
    const text = (await state.deskCall(service, method, JSON.stringify(args))) as string
    return text === '' ? null : JSON.parse(text)
  }
  const fn = native[service]?.[method]
  if (!fn) throw failure('not_found', `程序没有提供${service}.${method}，请升级到同一版本。`)
  return fn(...args)
}

async function readFailure(res: Response): Promise<Failure> {
  let body: Partial<Failure> = {}
  try {
    body = (await res.json()) as Partial<Failure>
  } catch {
    // not JSON (a proxy's error page): fall back on the status
  }
  if (typeof body.code === 'string' && typeof body.message === 'string' && body.message !== '') {
    return failure(body.code, body.message, typeof body.field === 'string' ? body.field : '')
  }
  if (res.status === 401) return failure('unauthenticated', '请先登录。')
  if (res.status === 403) return failure('forbidden', '没有执行此操作的权限。')
  if (res.status === 404) return failure('not_found', '请求的内容不存在。')
  if (res.status === 409) return failure('conflict', '记录已被他人修改，请刷新后再处理。')
  if (res.status === 502 || res.status === 503 || res.status === 504) return failure('unavailable', UNAVAILABLE_MESSAGE)
  return failure('internal', '操作未能完成，请稍后重试；如多次出现，请联系管理员。')
}

async function request(s: State, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (method === 'POST') {
    headers['Content-Type'] = 'application/json'
    if (s.csrf) headers['X-CSRF-Token'] = s.csrf
  }
  let res: Response
  try {
    res = await s.deps.fetch((s.deps.base ?? '') + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw failure('unavailable', UNAVAILABLE_MESSAGE)
  }
  if (!res.ok) throw await readFailure(res)
  const text = await res.text()
  return text === '' ? null : JSON.parse(text)
}

/** Remembers the CSRF token of a session the server returned. */
function keepSession(s: State, session: unknown): unknown {
  const token = (session as { csrfToken?: unknown } | null)?.csrfToken
  if (typeof token === 'string' && token !== '') s.csrf = token
  return session
}

async function httpCall(s: State, service: string, method: string, args: unknown[]): Promise<unknown> {
  if (service === 'AuthService') {
    // Sign-in, sign-out and "who am I" have their own endpoints (sign-in needs no CSRF token yet).
    if (method === 'Login') {
      const session = await request(s, 'POST', '/api/login', { login: args[0], password: args[1] })
      openEvents(s, true)
      return keepSession(s, session)
    }
    if (method === 'Logout') {
      await request(s, 'POST', '/api/logout')
      s.csrf = ''
      closeEvents(s)
      return null
    }
    if (method === 'Me') {
      const session = keepSession(s, await request(s, 'GET', '/api/me'))
      openEvents(s)
      return session
    }
  }
  if (NATIVE_METHODS.has(method)) return '' // as if the user cancelled: the browser has no native dialogs
  const out = await request(s, 'POST', `/api/${encodeURIComponent(service)}/${encodeURIComponent(method)}`, args)
  if (service === 'AuthService') keepSession(s, out)
  return out
}

// ---- events in the browser: one EventSource, listeners per name as the Wails runtime keeps them ----

function dispatch(s: State, name: string, data: unknown[]): void {
  const list = s.listeners.get(name)
  if (!list) return
  for (const l of [...list]) {
    if (l.remaining > 0) l.remaining--
    if (l.remaining === 0) list.splice(list.indexOf(l), 1)
    try {
      l.callback(...data)
    } catch (e) {
      console.error(e)
    }
  }
}

function listenOn(s: State, name: string): void {
  if (!s.source || s.sourceEvents.has(name)) return
  s.sourceEvents.add(name)
  s.source.addEventListener(name, (ev) => {
    let data: unknown = []
    try {
      data = JSON.parse((ev as MessageEvent<string>).data)
    } catch {
      return
    }
    dispatch(s, name, Array.isArray(data) ? data : [data])
  })
}

/**
 * Opens the event stream (once signed in); reopened after a new sign-in so it carries the new session. A refused
 * stream (401 after the session expired) is closed by the browser for good; the next sign-in opens a new one.
 */
function openEvents(s: State, fresh = false): void {
  if (!s.deps.EventSource) return
  if (s.source && !fresh) return
  closeEvents(s)
  s.source = new s.deps.EventSource((s.deps.base ?? '') + '/api/events', { withCredentials: true })
  for (const name of s.listeners.keys()) listenOn(s, name)
}

function closeEvents(s: State): void {
  s.source?.close()
  s.source = null
  s.sourceEvents.clear()
}

function browserRuntime(s: State): Record<string, unknown> {
  const on = (name: string, callback: (...data: unknown[]) => void, max: number) => {
    const list = s.listeners.get(name) ?? []
    const l: Listener = { callback, remaining: max }
    list.push(l)
    s.listeners.set(name, list)
    // the stream needs a session: it opens at sign-in (or when /api/me finds one) and carries every name
    if (s.csrf) openEvents(s)
    listenOn(s, name)
    return () => {
      const cur = s.listeners.get(name)
      if (cur && cur.includes(l)) cur.splice(cur.indexOf(l), 1)
    }
  }
  const noop = () => {}
  return {
    EventsOnMultiple: on,
    EventsOn: (name: string, cb: (...d: unknown[]) => void) => on(name, cb, -1),
    EventsOnce: (name: string, cb: (...d: unknown[]) => void) => on(name, cb, 1),
    EventsOff: (name: string, ...more: string[]) => [name, ...more].forEach((n) => s.listeners.delete(n)),
    EventsOffAll: () => s.listeners.clear(),
    EventsEmit: (name: string, ...data: unknown[]) => dispatch(s, name, data),
    LogPrint: noop,
    LogTrace: noop,
    LogDebug: noop,
    LogInfo: noop,
    LogWarning: noop,
    LogError: noop,
    LogFatal: noop,
    BrowserOpenURL: (url: string) => window.open(url, '_blank', 'noopener'),
    WindowReload: () => window.location.reload(),
    WindowSetTitle: (title: string) => {
      document.title = title
    },
    Environment: () => Promise.resolve({ buildType: 'server', platform: 'web', arch: '' }),
    ClipboardGetText: () => navigator.clipboard.readText(),
    ClipboardSetText: (text: string) => navigator.clipboard.writeText(text).then(() => true),
  }
}

/** The window.go.app every generated binding calls: each method goes through invoke(). */
function routedApp(): ServiceTable {
  const services = new Map<string, Record<string, Binding>>()
  return new Proxy({} as ServiceTable, {
    get(_t, service) {
      if (typeof service !== 'string') return undefined
      let table = services.get(service)
      if (!table) {
        const methods = new Map<string, Binding>()
        table = new Proxy({} as Record<string, Binding>, {
          get(_m, method) {
            if (typeof method !== 'string' || method === 'then') return undefined
            let fn = methods.get(method)
            if (!fn) {
              fn = (...args: unknown[]) => invoke(service, method, args)
              methods.set(method, fn)
            }
            return fn
          },
        })
        services.set(service, table)
      }
      return table
    },
  })
}

/**
 * Installs the transport into win. On a desk (the Wails bridge is there) the bridge's services are kept and
 * window.go.app is replaced by the router; in a browser window.go and window.runtime are created.
 */
export function installTransport(win: Window = window, deps?: Partial<TransportDeps>): TransportMode {
  const w = win as Win
  const native = w.go?.app ?? null
  const mode: TransportMode = native ? 'desktop' : 'browser'
  state = {
    mode,
    native,
    deskCall: w.go?.server?.Desk?.Call ?? null,
    deps: {
      fetch: deps?.fetch ?? ((...a: Parameters<typeof fetch>) => win.fetch(...a)),
      EventSource: deps?.EventSource ?? w.EventSource,
      base: deps?.base ?? '',
    },
    csrf: '',
    listeners: new Map(),
    source: null,
    sourceEvents: new Set(),
  }
  w.go = { ...(w.go ?? {}), app: routedApp() }
  if (mode === 'browser') w.runtime = browserRuntime(state)
  return mode
}

/** Forgets the installed transport (tests). */
export function resetTransport(): void {
  if (state) closeEvents(state)
  state = null
}

/** The link that downloads a file an export wrote into the server's exports folder. */
export function downloadURL(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path
  return `/api/download?file=${encodeURIComponent(name)}`
}

/**
 * Hands a file an export wrote to the person: in the browser the returned path becomes a download of its base
 * name (resolves to that name); a desk connected to a server saves the server's file in its own exports folder
 * (resolves to the local path); on a standalone desk the file is already there (resolves to path).
 */
export async function deliverExport(path: string): Promise<string> {
  const mode = transportMode()
  if (!path || mode === 'desktop') return path
  if (mode === 'client') return (await invoke('RemoteService', 'Download', [path])) as string
  const name = path.split(/[\\/]/).pop() ?? path
  const a = document.createElement('a')
  a.href = downloadURL(path)
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  return name
}

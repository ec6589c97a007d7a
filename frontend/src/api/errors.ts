// Errors crossing the Wails bridge. The Go side's ErrorFormatter (app.FormatError) turns every failing call's
// error into the JSON text of {code, message, field?}, which Wails hands over as the message of the Error the
// promise rejects with; the message is Chinese and meant for the user as is.

export type ErrorCode =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'import'
  | 'internal'
  /** nobody is signed in, or the session expired: back to the 登录 page */
  | 'unauthenticated'
  /** the action is a signature: re-enter the password, then the call is retried once */
  | 'confirm'
  /** the 单位服务器 cannot be reached: nothing was written */
  | 'unavailable'

const codes: readonly string[] = [
  'invalid',
  'not_found',
  'conflict',
  'forbidden',
  'import',
  'internal',
  'unauthenticated',
  'confirm',
  'unavailable',
]

/** Shown when a failure carries no usable message (a broken bridge, an unexpected JavaScript error). */
export const GENERIC_MESSAGE = '操作未能完成，请稍后重试；如多次出现，请联系管理员。'

/** A failed call to a Go service. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly field: string

  constructor(code: ErrorCode, message: string, field = '') {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.field = field
  }
}

function isCode(v: unknown): v is ErrorCode {
  return typeof v === 'string' && codes.includes(v)
}

function fromObject(o: Record<string, unknown>): ApiError | null {
  if (typeof o.message !== 'string' || o.message === '') return null
  const field = typeof o.field === 'string' ? o.field : ''
  return new ApiError(isCode(o.code) ? o.code : 'internal', o.message, field)
}

/**
 * Converts whatever a rejected bridge call produced into an ApiError. The runtime may hand the formatted
 * error over as an object or as its JSON text; anything else (a JavaScript exception, a bare string from
 * a call without a formatter) becomes an "internal" error, keeping a Chinese message when there is one.
 */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason
  // Wails rejects with new Error(text), text being app.FormatError's JSON.
  if (reason instanceof Error && reason.message.trim().startsWith('{')) return toApiError(reason.message)
  if (typeof reason === 'string') {
    const text = reason.trim()
    if (text.startsWith('{')) {
      try {
        const parsed = fromObject(JSON.parse(text) as Record<string, unknown>)
        if (parsed) return parsed
      } catch {
        // not JSON after all: fall through and treat it as plain text
      }
    }
    return new ApiError('internal', /[\u4e00-\u9fff]/.test(text) ? text : GENERIC_MESSAGE)
  }
  if (reason && typeof reason === 'object' && !(reason instanceof Error)) {
    const parsed = fromObject(reason as Record<string, unknown>)
    if (parsed) return parsed
  }
  return new ApiError('internal', GENERIC_MESSAGE)
}

/**
 * What the app does about failures that concern the session rather than the page: set once by the shell
 * (App.vue); without them (unit tests of single wrappers) every failure is simply rethrown.
 */
export interface ErrorHandlers {
  /** asks for the password (电子签名确认) and confirms it; resolves false when the user cancels */
  confirm?: (err: ApiError) => Promise<boolean>
  /** the session is gone: show the 登录 page */
  unauthenticated?: (err: ApiError) => void
  /** the record changed under the user: offer 刷新 */
  conflict?: (err: ApiError) => void
  /** the server cannot be reached: show the banner */
  unavailable?: (err: ApiError) => void
  /** a call succeeded: the server is reachable again */
  reachable?: () => void
}

let handlers: ErrorHandlers = {}

/** Installs the shell's handlers; returns the previous ones (tests restore them). */
export function setErrorHandlers(h: ErrorHandlers): ErrorHandlers {
  const prev = handlers
  handlers = h
  return prev
}

function notify(err: ApiError): void {
  if (err.code === 'unauthenticated') handlers.unauthenticated?.(err)
  else if (err.code === 'conflict') handlers.conflict?.(err)
  else if (err.code === 'unavailable') handlers.unavailable?.(err)
}

/**
 * Runs a bridge call and rejects with an ApiError when it fails. A call the server wants signed ('confirm')
 * asks for the password once and is then retried once; the session-wide failures reach the shell's handlers
 * and are still rethrown, so the page keeps its own message and state.
 */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  let r = await attempt(fn)
  if ('err' in r && r.err.code === 'confirm' && handlers.confirm) {
    let confirmed = false
    try {
      confirmed = await handlers.confirm(r.err)
    } catch (reason) {
      const err = toApiError(reason)
      notify(err)
      throw err
    }
    if (!confirmed) throw new ApiError('confirm', '已取消：此操作需要输入密码确认。')
    r = await attempt(fn)
  }
  if ('out' in r) return r.out
  notify(r.err)
  throw r.err
}

/** Runs fn once: its result, or its failure as an ApiError. */
async function attempt<T>(fn: () => Promise<T>): Promise<{ out: T } | { err: ApiError }> {
  try {
    const out = await fn()
    handlers.reachable?.()
    return { out }
  } catch (reason) {
    return { err: toApiError(reason) }
  }
}

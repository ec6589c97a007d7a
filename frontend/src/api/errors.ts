// Errors crossing the Wails bridge. The Go side's ErrorFormatter (app.FormatError) turns every failing call's
// error into the JSON text of {code, message, field?}, which Wails hands over as the message of the Error the
// promise rejects with; the message is Chinese and meant for the user as is.

export type ErrorCode = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'import' | 'internal'

const codes: readonly string[] = ['invalid', 'not_found', 'conflict', 'forbidden', 'import', 'internal']

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

/** Runs a bridge call and rejects with an ApiError when it fails. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (reason) {
    throw toApiError(reason)
  }
}

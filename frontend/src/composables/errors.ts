// The one error display: every failed call the page does not handle otherwise is shown the same way, with the
// Chinese message the Go side chose (api/errors.ts makes any failure an ApiError).
import { ElMessage } from 'element-plus'
import { toApiError, type ApiError } from '../api/errors'

/** Shows the failure as a toast and returns it as an ApiError (for a field to light up). */
export function showError(e: unknown): ApiError {
  const err = toApiError(e)
  ElMessage.error(err.message)
  return err
}

/** The failure's message, for pages that show it inline rather than as a toast. */
export function errorText(e: unknown): string {
  return toApiError(e).message
}

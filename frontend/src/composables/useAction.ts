// A confirmed action: asks first (when told to), runs with a loading flag, then says it is done or shows the
// failure with the one error display.
import { ref, type Ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { showError } from './errors'

export interface ActionOptions<A extends unknown[], R> {
  /** the question asked first (a confirm box); none runs at once */
  confirm?: string | ((...args: A) => string)
  /** the confirm box's title (default 请确认) */
  title?: string
  /** the confirm button's text (default 确定) */
  confirmText?: string
  /** the toast after success ('' for none) */
  success?: string | ((result: R) => string)
  /** runs after success */
  done?: (result: R) => void
}

export interface Action<A extends unknown[], R> {
  /** resolves to the result, or undefined when cancelled or failed (the failure has been shown) */
  run: (...args: A) => Promise<R | undefined>
  loading: Ref<boolean>
}

export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>, opts: ActionOptions<A, R> = {}): Action<A, R> {
  const loading = ref(false)

  async function run(...args: A): Promise<R | undefined> {
    if (opts.confirm) {
      const message = typeof opts.confirm === 'function' ? opts.confirm(...args) : opts.confirm
      try {
        await ElMessageBox.confirm(message, opts.title ?? '请确认', {
          type: 'warning',
          confirmButtonText: opts.confirmText ?? '确定',
          cancelButtonText: '取消',
        })
      } catch {
        return undefined // cancelled
      }
    }
    loading.value = true
    try {
      const out = await fn(...args)
      const text = typeof opts.success === 'function' ? opts.success(out) : (opts.success ?? '')
      if (text) ElMessage.success(text)
      opts.done?.(out)
      return out
    } catch (e) {
      showError(e)
      return undefined
    } finally {
      loading.value = false
    }
  }

  return { run, loading }
}

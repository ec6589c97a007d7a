// A dialog that edits one form: it resets the form each time it opens, checks every field at once before
// saving (each failing rule lights its field up, all together, not one per try), saves, says so and closes,
// and lights up the field the Go side names when it refuses. The component keeps its form (a ref or a
// reactive object) and its layout.
import { reactive, ref, watch, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { toApiError, type ApiError } from '../api/errors'
import { showError } from './errors'

/** A field's check: the message to show, or '' when the value is fine. */
export type FieldRule = () => string

export interface FormDialogOptions<R> {
  /** whether the dialog is open (the component's modelValue) */
  visible: () => boolean
  /** closes the dialog (emit('update:modelValue', false)) */
  close: () => void
  /** fills the form each time the dialog opens (the field errors are cleared before) */
  opened?: () => void | Promise<void>
  /** checks by field name; every failing one is shown at once and nothing is saved */
  rules?: Record<string, FieldRule>
  /** a check of the form's own (el-form's rules, which mark required fields and say why inline); false saves nothing */
  validate?: () => Promise<boolean>
  save: () => Promise<R>
  /** the toast after saving ('' for none; default 已保存) */
  success?: string | ((saved: R) => string)
  /** runs after a save, before the dialog closes */
  saved?: (saved: R) => void
  /**
   * shows failures inside the dialog instead of as a toast: the message (a failing rule's, or the Go side's)
   * is kept in `failure`, and a field the Go side names still lights up
   */
  inline?: boolean
  /** takes over a failure the dialog answers in its own way (returns true); the usual display is skipped */
  refused?: (err: ApiError) => boolean
}

export interface FormDialog {
  /** the messages by field name, for el-form-item's :error */
  errors: Record<string, string>
  saving: Ref<boolean>
  /** with inline: the message of the last failure ('' when none) */
  failure: Ref<string>
  /** checks every rule, then saves; resolves true when saved */
  submit: () => Promise<boolean>
  clearErrors: () => void
}

export function useFormDialog<R>(opts: FormDialogOptions<R>): FormDialog {
  const errors = reactive<Record<string, string>>({})
  const saving = ref(false)
  const failure = ref('')

  function clearErrors(): void {
    for (const k of Object.keys(errors)) delete errors[k]
    failure.value = ''
  }

  /** Runs every rule; returns how many failed (their messages now in errors). */
  function check(): number {
    let failed = 0
    for (const [field, rule] of Object.entries(opts.rules ?? {})) {
      const message = rule()
      if (message) {
        errors[field] = message
        failed++
      }
    }
    return failed
  }

  watch(
    opts.visible,
    (open) => {
      if (!open) return
      clearErrors()
      return opts.opened?.()
    },
    { immediate: true },
  )

  async function submit(): Promise<boolean> {
    clearErrors()
    const failed = check()
    if (failed > 0) {
      if (opts.inline) {
        failure.value = Object.values(errors)[0]
        return false
      }
      ElMessage.error(failed === 1 ? Object.values(errors)[0] : `有 ${failed} 处需要填写或更正，请查看标红的项目。`)
      return false
    }
    if (opts.validate && !(await opts.validate())) return false
    saving.value = true
    try {
      const out = await opts.save()
      const text = typeof opts.success === 'function' ? opts.success(out) : (opts.success ?? '已保存')
      if (text) ElMessage.success(text)
      opts.saved?.(out)
      opts.close()
      return true
    } catch (e) {
      if (opts.refused?.(toApiError(e))) return false
      const err = opts.inline ? toApiError(e) : showError(e)
      if (opts.inline) failure.value = err.message
      if (err.field) errors[err.field] = err.message
      return false
    } finally {
      saving.value = false
    }
  }

  return { errors, saving, failure, submit, clearErrors }
}

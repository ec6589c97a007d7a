// Adding or editing one record of a settings table in a dialog: open(record) fills the form with a copy of
// the record (open() with a blank one, to add), the el-form's rules are checked before saving, and the field
// the Go side refuses lights up (useFormDialog does the saving).
import { reactive, ref, type Ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { useFormDialog } from './useFormDialog'

export interface RecordDialogOptions<T extends object, R> {
  /** a new record's values */
  blank: () => T
  /** the dialog's el-form (ref="formRef"), whose rules are checked before saving */
  formRef: Ref<FormInstance | undefined>
  save: (form: T) => Promise<R>
  /** the toast after saving */
  success: (form: T, saved: R) => string
}

export interface RecordDialog<T extends object> {
  visible: Ref<boolean>
  form: T
  errors: Record<string, string>
  saving: Ref<boolean>
  open: (record?: T) => void
  save: () => Promise<boolean>
}

export function useRecordDialog<T extends object, R>(opts: RecordDialogOptions<T, R>): RecordDialog<T> {
  const visible = ref(false)
  const form = reactive(opts.blank()) as T
  const formRef = opts.formRef
  const dialog = useFormDialog({
    visible: () => visible.value,
    close: () => void (visible.value = false),
    validate: async () => Boolean(await formRef.value?.validate().catch(() => false)),
    save: () => opts.save({ ...form }),
    success: (saved) => opts.success(form, saved),
  })

  function open(record?: T): void {
    Object.assign(form, record ? { ...record } : opts.blank())
    visible.value = true
    formRef.value?.clearValidate()
  }

  return { visible, form, errors: dialog.errors, saving: dialog.saving, open, save: dialog.submit }
}

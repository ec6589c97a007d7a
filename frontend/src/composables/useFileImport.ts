// Importing a table file in two steps: the file is picked (read here in the browser, or named by path in the
// desktop app), the Go side previews it, and the import is applied all-or-nothing. A failure is shown inline
// (failure), next to the file picker; applying again after a failure keeps the preview.
import { ref, shallowRef, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { readAsBase64 } from '../views/consultations/helpers'
import { errorText, showError } from './errors'

/** The file being imported: its content (browser) or its path (desktop). */
export interface ImportSource {
  name: string
  base64?: string
  path?: string
}

export interface FileImportOptions<P, R> {
  preview: (source: ImportSource) => Promise<P>
  /** runs with each preview (e.g. to take its suggested column mapping) */
  previewed?: (preview: P) => void
  apply: (source: ImportSource) => Promise<R>
  /** the toast once applied */
  success: (result: R) => string
  /** runs once applied, after the toast */
  applied?: (result: R) => void | Promise<void>
  /** a failed apply is also shown as a toast */
  toast?: boolean
}

export interface FileImport<P, R> {
  source: Ref<ImportSource | null>
  preview: Ref<P | null>
  result: Ref<R | null>
  busy: Ref<boolean>
  failure: Ref<string>
  /** previews the source again (after the mapping changed) */
  runPreview: () => Promise<void>
  /** a file picked in the browser (FilePick's pick event) */
  picked: (file: File) => Promise<void>
  /** a file chosen by path in the desktop app */
  chosen: (path: string) => Promise<void>
  apply: () => Promise<void>
  /** back to picking a file */
  reset: () => void
}

export function useFileImport<P, R>(opts: FileImportOptions<P, R>): FileImport<P, R> {
  const source = ref<ImportSource | null>(null)
  const preview = shallowRef<P | null>(null) as Ref<P | null>
  const result = shallowRef<R | null>(null) as Ref<R | null>
  const busy = ref(false)
  const failure = ref('')

  async function runPreview(): Promise<void> {
    if (!source.value) return
    busy.value = true
    failure.value = ''
    try {
      const p = await opts.preview(source.value)
      preview.value = p
      opts.previewed?.(p)
    } catch (e) {
      preview.value = null
      failure.value = errorText(e)
    } finally {
      busy.value = false
    }
  }

  async function start(s: ImportSource): Promise<void> {
    result.value = null
    preview.value = null
    source.value = s
    await runPreview()
  }

  async function picked(file: File): Promise<void> {
    await start({ name: file.name, base64: await readAsBase64(file) })
  }

  async function chosen(path: string): Promise<void> {
    await start({ name: path.split(/[\\/]/).pop() ?? path, path })
  }

  async function apply(): Promise<void> {
    if (!source.value) return
    busy.value = true
    failure.value = ''
    try {
      const r = await opts.apply(source.value)
      result.value = r
      ElMessage.success(opts.success(r))
      preview.value = null
      await opts.applied?.(r)
    } catch (e) {
      if (opts.toast) showError(e)
      failure.value = errorText(e)
    } finally {
      busy.value = false
    }
  }

  function reset(): void {
    source.value = null
    preview.value = null
    result.value = null
    failure.value = ''
  }

  return { source, preview, result, busy, failure, runPreview, picked, chosen, apply, reset }
}

// A long import's progress and its way out: while apply runs, the Go job runner's progress event (rows stored so
// far of the file's total) drives a bar; cancel asks the service to stop, and a stopped import keeps nothing.
import { computed, onUnmounted, ref } from 'vue'
import { onEvent, type EventName } from '../api/events'
import { showError } from './errors'

export interface ImportProgress {
  done: number
  total: number
}

export function useImportProgress(event: EventName, apply: () => Promise<unknown>, cancelImport: () => Promise<unknown>) {
  const importing = ref(false)
  const progress = ref<ImportProgress | null>(null)
  const stop = onEvent(event, (p) => void (progress.value = p as ImportProgress))
  onUnmounted(stop)
  const percent = computed(() => (progress.value && progress.value.total ? Math.floor((100 * progress.value.done) / progress.value.total) : 0))

  async function runImport() {
    importing.value = true
    progress.value = null
    try {
      await apply()
    } finally {
      importing.value = false
    }
  }

  async function cancel() {
    try {
      await cancelImport()
    } catch (e) {
      showError(e)
    }
  }

  return { importing, progress, percent, runImport, cancel }
}

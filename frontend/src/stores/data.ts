// Reloading everything the UI holds. Used at start, and after a restore replaced the whole database
// (the Go side then sends data:restored): every store fetches again, and views that keep their own
// copies watch `revision`.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useCalendarStore } from './calendar'
import { useSettingsStore } from './settings'

export const useDataStore = defineStore('data', () => {
  const revision = ref(0)
  let inFlight: Promise<void> | null = null

  /** Reloads every store. Calls made while a reload runs share it, so an event and a view asking at once cost one. */
  function reloadAll(): Promise<void> {
    if (inFlight) return inFlight
    revision.value++
    inFlight = Promise.all([useSettingsStore().load(), useCalendarStore().refresh()])
      .then(() => undefined)
      .finally(() => (inFlight = null))
    return inFlight
  }

  return { revision, reloadAll }
})

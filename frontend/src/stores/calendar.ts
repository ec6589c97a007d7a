// Today's facts and the list of recorded years. Views that draw dates watch `revision`, which moves
// whenever the calendar changes (here or through the Go event), and fetch again.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '../api/calendar'
import type { CalendarDayEdit, CalendarYearInfo, TodayInfo } from '../api/types'

export const useCalendarStore = defineStore('calendar', () => {
  const today = ref<TodayInfo | null>(null)
  const years = ref<CalendarYearInfo[]>([])
  const revision = ref(0)

  async function loadToday(): Promise<TodayInfo> {
    today.value = await api.getToday()
    return today.value
  }

  async function loadYears(): Promise<void> {
    years.value = await api.listYears()
  }

  /** Marks the calendar as changed: today's facts and the year list are fetched again, views follow. */
  async function refresh(): Promise<void> {
    revision.value++
    await Promise.all([loadToday(), loadYears()])
  }

  async function setDay(edit: CalendarDayEdit) {
    const day = await api.setDay(edit)
    await refresh()
    return day
  }

  async function applyNotice(text: string, defaultYear: number) {
    const info = await api.applyNotice(text, defaultYear)
    await refresh()
    return info
  }

  return { today, years, revision, loadToday, loadYears, refresh, setDay, applyNotice }
})

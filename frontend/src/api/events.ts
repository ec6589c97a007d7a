// Events sent by the Go side; the names mirror app/events.go.
import { EventsOn } from './wailsjs/runtime/runtime'

export const Events = {
  /** bureau, sections, people or the current user changed */
  SettingsChanged: 'settings:changed',
  /** a day was edited or a year imported; the data is the year */
  CalendarChanged: 'calendar:changed',
} as const

export type EventName = (typeof Events)[keyof typeof Events]

/**
 * Subscribes to a Go event and returns the function that unsubscribes. Outside the app (unit tests, a
 * plain browser) there is no Wails runtime and nothing is ever sent, so the subscription is a no-op.
 */
export function onEvent(name: EventName, handler: (...data: unknown[]) => void): () => void {
  const w = window as unknown as { runtime?: unknown }
  if (!w.runtime) return () => {}
  return EventsOn(name, handler)
}

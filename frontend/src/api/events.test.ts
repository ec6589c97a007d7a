import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('../../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }))

import { EventsOn } from '../../wailsjs/runtime/runtime'
import { announcePageShown, Events, onEvent, PageShown } from './events'
import eventsGo from '../../../app/events.go?raw'

describe('onEvent', () => {
  afterEach(() => {
    delete window.runtime
    vi.clearAllMocks()
  })

  it('names exactly the events app/events.go declares', () => {
    // EventName = "name" in Go is Events.Name in TypeScript, with the same text
    const declared = Object.fromEntries([...eventsGo.matchAll(/^\s*Event(\w+)\s*=\s*"([^"]+)"/gm)].map((m) => [m[1], m[2]]))
    expect(Object.keys(declared).length).toBeGreaterThan(10)
    expect(Events).toEqual(declared)
  })

  it('does nothing outside the app', () => {
    const off = onEvent(Events.CalendarChanged, () => {})
    expect(EventsOn).not.toHaveBeenCalled()
    expect(off).toBeTypeOf('function')
    off()
  })

  it('subscribes through the Wails runtime when it is there', () => {
    window.runtime = {}
    const handler = () => {}
    onEvent(Events.SettingsChanged, handler)
    expect(EventsOn).toHaveBeenCalledWith('settings:changed', handler)
  })

  it('tells the desk once that the page shows its first view', () => {
    const emit = vi.fn()
    window.runtime = { EventsEmit: emit }
    announcePageShown()
    announcePageShown()
    expect(emit).toHaveBeenCalledTimes(1)
    expect(emit).toHaveBeenCalledWith(PageShown)
    expect(PageShown).toBe(eventsGo.match(/PageShown = "([^"]+)"/)?.[1])
  })
})

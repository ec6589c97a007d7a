import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('./wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }))

import { EventsOn } from './wailsjs/runtime/runtime'
import { Events, onEvent } from './events'

describe('onEvent', () => {
  afterEach(() => {
    delete window.runtime
    vi.clearAllMocks()
  })

  it('mirrors the Go event names', () => {
    expect(Events).toEqual({
      SettingsChanged: 'settings:changed',
      CalendarChanged: 'calendar:changed',
      DataRestored: 'data:restored',
      PoliciesChanged: 'policies:changed',
      ConsultationsChanged: 'consultations:changed',
      CommentsChanged: 'comments:changed',
      InterpretationsChanged: 'interpretations:changed',
      MessagesChanged: 'messages:changed',
      MailProgress: 'mail:progress',
      MailFetched: 'mail:fetched',
      MailboxSettingsChanged: 'mailbox:settings',
      RoutingProgress: 'routing:progress',
      RoutingChanged: 'routing:changed',
      DisclosureChanged: 'disclosure:changed',
    })
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
})

import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useDataStore } from './data'
import { useSettingsStore } from './settings'
import { useCalendarStore } from './calendar'

describe('data store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('reloads every store and moves the revision', async () => {
    const settings = vi.spyOn(useSettingsStore(), 'load').mockResolvedValue()
    const calendar = vi.spyOn(useCalendarStore(), 'refresh').mockResolvedValue()
    const data = useDataStore()
    await data.reloadAll()
    expect(settings).toHaveBeenCalledTimes(1)
    expect(calendar).toHaveBeenCalledTimes(1)
    expect(data.revision).toBe(1)
  })

  it('shares one reload between calls made while it runs', async () => {
    let finish = () => {}
    const settings = vi.spyOn(useSettingsStore(), 'load').mockReturnValue(new Promise<void>((r) => (finish = r)))
    vi.spyOn(useCalendarStore(), 'refresh').mockResolvedValue()
    const data = useDataStore()
    const a = data.reloadAll()
    const b = data.reloadAll()
    finish()
    await Promise.all([a, b])
    expect(settings).toHaveBeenCalledTimes(1)
    expect(data.revision).toBe(1)
    await data.reloadAll()
    expect(settings).toHaveBeenCalledTimes(2)
    expect(data.revision).toBe(2)
  })

  it('can reload again after a failure', async () => {
    const settings = vi.spyOn(useSettingsStore(), 'load').mockRejectedValueOnce(new Error('x')).mockResolvedValue()
    vi.spyOn(useCalendarStore(), 'refresh').mockResolvedValue()
    const data = useDataStore()
    await expect(data.reloadAll()).rejects.toThrow('x')
    await data.reloadAll()
    expect(settings).toHaveBeenCalledTimes(2)
  })
})

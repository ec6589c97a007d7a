import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { computed, defineComponent, nextTick, reactive } from 'vue'
import { mount } from '@vue/test-utils'

vi.mock('element-plus', () => ({ ElMessage: { error: vi.fn(), success: vi.fn() } }))
vi.mock('../api/events', async (orig) => ({ ...(await orig<typeof import('../api/events')>()), onEvent: vi.fn() }))

import { ElMessage } from 'element-plus'
import { ApiError } from '../api/errors'
import { Events, onEvent } from '../api/events'
import { defineModuleStore } from './module'
import { useModuleRefresh } from '../composables/useModuleRefresh'

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})

describe('defineModuleStore', () => {
  it('starts from the blank lists, loads them once, and adds the module’s own getters', async () => {
    const load = vi.fn(async () => ({ forms: ['文字解读', '图解'] }))
    const useStore = defineModuleStore('t1', { events: [Events.DataRestored], blank: () => ({ forms: [] as string[] }), load }, ({ options }) => ({
      formCount: computed(() => options.value.forms.length),
    }))
    const store = useStore()
    expect(store.formCount).toBe(0)
    await Promise.all([store.ensureOptions(), store.ensureOptions()])
    expect(load).toHaveBeenCalledTimes(1)
    expect(store.options.forms).toEqual(['文字解读', '图解'])
    expect(store.formCount).toBe(2)
    expect(store.revision).toBe(0)
  })
})

describe('defineModuleStore on', () => {
  it('subscribes the module’s own handlers when listen runs, once, beside the revision’s events', () => {
    const handler = vi.fn()
    const useStore = defineModuleStore('t2', { events: [Events.MessagesChanged], blank: () => ({}), load: async () => ({}) }, ({ on }) => {
      on([Events.MailboxSettingsChanged], handler)
      return {}
    })
    const store = useStore()
    expect(onEvent).not.toHaveBeenCalled()
    store.listen()
    store.listen()
    const subscribed = vi.mocked(onEvent).mock.calls.map(([name]) => name)
    expect(subscribed).toEqual([Events.MessagesChanged, Events.MailboxSettingsChanged])
    const settings = vi.mocked(onEvent).mock.calls.find(([name]) => name === Events.MailboxSettingsChanged)
    ;(settings?.[1] as () => void)()
    expect(handler).toHaveBeenCalledTimes(1)
  })
})

describe('useModuleRefresh', () => {
  function page(store: { revision: number; listen: () => void; ensureOptions: () => Promise<void> }, quiet = false) {
    const load = vi.fn()
    mount(defineComponent({ setup: () => useModuleRefresh(store, load, { quiet }), template: '<div />' }))
    return load
  }

  it('listens, loads once mounted and again when the revision moves', async () => {
    const store = reactive({ revision: 0, listen: vi.fn(), ensureOptions: vi.fn(async () => {}) })
    const load = page(store)
    expect(store.listen).toHaveBeenCalledTimes(1)
    expect(store.ensureOptions).toHaveBeenCalledTimes(1)
    expect(load).toHaveBeenCalledTimes(1)
    store.revision++
    await nextTick()
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('shows a failure to load the value lists unless quiet', async () => {
    const failing = () => reactive({ revision: 0, listen: vi.fn(), ensureOptions: vi.fn(() => Promise.reject(new ApiError('internal', '选项读取失败'))) })
    page(failing(), true)
    await Promise.resolve()
    await nextTick()
    expect(ElMessage.error).not.toHaveBeenCalled()
    page(failing())
    await Promise.resolve()
    await nextTick()
    expect(ElMessage.error).toHaveBeenCalledWith('选项读取失败')
  })
})

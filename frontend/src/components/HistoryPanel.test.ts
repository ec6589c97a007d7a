import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import HistoryPanel from './HistoryPanel.vue'

vi.mock('./RecordHistory.vue', () => ({ default: { name: 'RecordHistory', props: ['entity', 'entityId'], template: '<div class="entries" />' } }))

// Element Plus is mounted whole: the first mount can take seconds on a loaded machine.
describe('HistoryPanel', { timeout: 30_000 }, () => {
  it('fetches the history only once opened, and folds again for another record', async () => {
    const w = mount(HistoryPanel, { props: { entity: 'section', entityId: 3 }, global: { plugins: [ElementPlus] } })
    expect(w.findComponent({ name: 'RecordHistory' }).exists()).toBe(false)
    await w.get('.el-collapse-item__header').trigger('click')
    const history = w.findComponent({ name: 'RecordHistory' })
    expect(history.props()).toEqual({ entity: 'section', entityId: 3 })
    await w.setProps({ entityId: 4 })
    expect(w.findComponent({ name: 'RecordHistory' }).exists()).toBe(false)
  })
})

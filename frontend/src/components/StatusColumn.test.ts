import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import ElementPlus, { ElTable } from 'element-plus'
import StatusColumn from './StatusColumn.vue'

const tone = (s: string) => (s === '已办结' ? 'green' : 'orange')

// Element Plus is mounted whole: the first mount can take seconds on a loaded machine.
describe('StatusColumn', { timeout: 30_000 }, () => {
  it('shows each row’s status as a badge toned by the rule, named by testid, with what follows it', async () => {
    const Page = defineComponent({
      setup: () => () =>
        h(ElTable, { data: [{ id: 7, state: '已办结' }, { id: 8, state: '办理中' }] }, () =>
          h(StatusColumn, { width: '84', tone, field: 'state', testid: 'state' }, { default: ({ row }: { row: { id: number } }) => h('i', { class: 'after' }, `#${row.id}`) }),
        ),
    })
    const w = mount(Page, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    await flushPromises()
    const done = w.get('[data-testid="state-7"]')
    expect(done.text()).toBe('已办结')
    expect(done.classes()).toContain('badge--green')
    expect(w.get('[data-testid="state-8"]').classes()).toContain('badge--orange')
    expect(w.findAll('.after').map((e) => e.text())).toEqual(['#7', '#8'])
    expect(w.text()).toContain('状态')
    w.unmount()
  })
})

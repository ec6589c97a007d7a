import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import FilterSelect from './FilterSelect.vue'

function mountSelect(modelValue: string | number, options: unknown[]) {
  return mount(FilterSelect, {
    props: { modelValue, options, placeholder: '全部科室', width: '150px', 'data-testid': 'inbox-section' } as never,
    global: { plugins: [ElementPlus] },
  })
}

// Element Plus is mounted whole: the first mount can take seconds on a loaded machine.
describe('FilterSelect', { timeout: 30_000 }, () => {
  it('offers records by id with their name or title, and clears a record filter to 0', async () => {
    const w = mountSelect(3, [{ id: 3, name: '综合科' }, { id: 5, title: '某政策' }])
    const select = w.findComponent({ name: 'ElSelect' })
    expect(select.props('valueOnClear')).toBe(0)
    expect(select.props('emptyValues')).toEqual([0, null, undefined])
    const options = w.findAllComponents({ name: 'ElOption' })
    expect(options.map((o) => [o.props('label'), o.props('value')])).toEqual([
      ['综合科', 3],
      ['某政策', 5],
    ])
    expect(w.attributes('data-testid')).toBe('inbox-section')
    expect(w.attributes('style')).toContain('width: 150px')
    select.vm.$emit('update:modelValue', 5)
    expect(w.emitted('update:modelValue')).toEqual([[5]])
  })

  it('offers plain values as themselves and keeps the usual clearing for them', () => {
    const w = mountSelect('', ['办理中', '已办结'])
    const select = w.findComponent({ name: 'ElSelect' })
    expect(select.props('valueOnClear')).toBeUndefined()
    expect(w.findAllComponents({ name: 'ElOption' }).map((o) => o.props('value'))).toEqual(['办理中', '已办结'])
  })
})

import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { page, prefetchPages, recordPage } from './pages'

const view = () => Promise.resolve({ default: { template: '<div />' } })

describe('module pages', () => {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      page('/policies', 'policies', view, '政策文件库'),
      recordPage('/policies', 'policy', view, '政策文件库'),
      recordPage('/interpretations/policy', 'interpretation-sync', view, '政策解读', 'policyId'),
    ],
  })

  it('hands a record page its number as a numeric prop, and keeps the module title', () => {
    const r = router.resolve('/policies/42')
    expect(r.name).toBe('policy')
    expect(r.meta.title).toBe('政策文件库')
    const props = r.matched[0].props.default as (route: typeof r) => unknown
    expect(props(r)).toEqual({ id: 42 })
    const sync = router.resolve('/interpretations/policy/7')
    expect((sync.matched[0].props.default as (route: typeof sync) => unknown)(sync)).toEqual({ policyId: 7 })
  })

  it('takes only numbers for a record', () => {
    expect(router.resolve('/policies/new').matched).toHaveLength(0)
    expect(router.resolve('/policies').name).toBe('policies')
  })

  it('loads the code of the named pages when idle, and only theirs', () => {
    const loaded: string[] = []
    const lazy = (name: string) => () => {
      loaded.push(name)
      return view()
    }
    let idle: (() => void) | undefined
    prefetchPages([page('/a', 'a', lazy('a'), 'A'), recordPage('/a', 'one', lazy('one'), 'A')], ['one'], (run) => (idle = run))
    expect(loaded).toEqual([])
    idle?.()
    expect(loaded).toEqual(['one'])
  })
})

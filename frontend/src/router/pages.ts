// How a module names its pages: a page at an address, and a page for one record whose number is part of the
// address (/policies/3), handed to the view as a numeric prop. Every page carries the module's title.
import type { RouteComponent, RouteRecordRaw } from 'vue-router'

type Lazy = () => Promise<RouteComponent | { default: RouteComponent }>

export function page(path: string, name: string, component: Lazy, title: string): RouteRecordRaw {
  return { path, name, component, meta: { title } }
}

/** A record's page: `param` (default id) is the number in the address, e.g. recordPage('/policies', …) is /policies/:id. */
export function recordPage(base: string, name: string, component: Lazy, title: string, param = 'id'): RouteRecordRaw {
  return { path: `${base}/:${param}(\\d+)`, name, component, props: (r) => ({ [param]: Number(r.params[param]) }), meta: { title } }
}

/**
 * Loads the code of the named pages once the browser is idle, so that their first visit waits only for its
 * data: the pages a day's work opens most (a message, a consultation) are reached from lists and the 工作台.
 */
export function prefetchPages(routes: readonly RouteRecordRaw[], names: string[], idle: (run: () => void) => void = whenIdle): void {
  idle(() => {
    for (const r of routes) {
      const load = names.includes(String(r.name)) ? r.component : undefined
      if (typeof load === 'function') (load as Lazy)()?.catch?.(() => {}) // a failed load is retried on the visit itself
    }
  })
}

function whenIdle(run: () => void): void {
  const w = globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }
  if (w.requestIdleCallback) w.requestIdleCallback(run, { timeout: 2000 })
  else setTimeout(run, 300)
}

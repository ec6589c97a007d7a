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

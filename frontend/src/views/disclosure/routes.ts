// The 依申请公开 module's pages: the register (with table 三 of the annual report) and one application.
import type { RouteRecordRaw } from 'vue-router'

export const disclosureRoutes: RouteRecordRaw[] = [
  { path: '/disclosure', name: 'disclosure', component: () => import('./DisclosureListView.vue'), meta: { title: '依申请公开' } },
  {
    path: '/disclosure/:id(\\d+)',
    name: 'disclosure-request',
    component: () => import('./DisclosureDetailView.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { title: '依申请公开' },
  },
]

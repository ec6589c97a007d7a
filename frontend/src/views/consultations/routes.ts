// The 征求意见 module's pages. The dashboard links to /consultations/:id, …/comments and …/report
// (internal/sqlite/consultations.go), so each tab of a consultation is part of its address.
import type { RouteRecordRaw } from 'vue-router'

export const consultationTabs = ['comments', 'import', 'groups', 'report'] as const
export type ConsultationTab = (typeof consultationTabs)[number]

export const consultationRoutes: RouteRecordRaw[] = [
  {
    path: '/consultations',
    name: 'consultations',
    component: () => import('./ConsultationListView.vue'),
    meta: { title: '征求意见' },
  },
  {
    path: `/consultations/:id(\\d+)/:tab(${consultationTabs.join('|')})?`,
    name: 'consultation',
    component: () => import('./ConsultationDetailView.vue'),
    props: (r) => ({ id: Number(r.params.id), tab: (r.params.tab as ConsultationTab) || 'comments' }),
    meta: { title: '征求意见' },
  },
  { path: '/policies', name: 'policies', component: () => import('./PolicyListView.vue'), meta: { title: '政策文件库' } },
  {
    path: '/policies/:id(\\d+)',
    name: 'policy',
    component: () => import('./PolicyDetailView.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { title: '政策文件库' },
  },
]

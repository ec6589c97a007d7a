// The 征求意见 module's pages. The dashboard links to /consultations/:id, …/comments and …/report
// (internal/sqlite/consultations.go), so each tab of a consultation is part of its address.
import type { RouteRecordRaw } from 'vue-router'
import { page, recordPage } from '../../router/pages'

export const consultationTabs = ['comments', 'import', 'groups', 'report'] as const
export type ConsultationTab = (typeof consultationTabs)[number]

export const consultationRoutes: RouteRecordRaw[] = [
  page('/consultations', 'consultations', () => import('./ConsultationListView.vue'), '征求意见'),
  {
    path: `/consultations/:id(\\d+)/:tab(${consultationTabs.join('|')})?`,
    name: 'consultation',
    component: () => import('./ConsultationDetailView.vue'),
    props: (r) => ({ id: Number(r.params.id), tab: (r.params.tab as ConsultationTab) || 'comments' }),
    meta: { title: '征求意见' },
  },
  page('/policies', 'policies', () => import('./PolicyListView.vue'), '政策文件库'),
  recordPage('/policies', 'policy', () => import('./PolicyDetailView.vue'), '政策文件库'),
]

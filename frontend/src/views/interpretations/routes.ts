// The 政策解读 module's pages: the list, the 三同步 panel of one policy, and the editor of one interpretation.
import type { RouteRecordRaw } from 'vue-router'

export const interpretationRoutes: RouteRecordRaw[] = [
  {
    path: '/interpretations',
    name: 'interpretations',
    component: () => import('./InterpretationListView.vue'),
    meta: { title: '政策解读' },
  },
  {
    path: '/interpretations/policy/:policyId(\\d+)',
    name: 'interpretation-sync',
    component: () => import('./SyncPanelView.vue'),
    props: (r) => ({ policyId: Number(r.params.policyId) }),
    meta: { title: '政策解读' },
  },
  {
    path: '/interpretations/:id(\\d+)',
    name: 'interpretation',
    component: () => import('./InterpretationEditorView.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { title: '政策解读' },
  },
]

// The 政策解读 module's pages: the list, the 三同步 panel of one policy, and the editor of one interpretation.
import type { RouteRecordRaw } from 'vue-router'
import { page, recordPage } from '../../router/pages'

export const interpretationRoutes: RouteRecordRaw[] = [
  page('/interpretations', 'interpretations', () => import('./InterpretationListView.vue'), '政策解读'),
  recordPage('/interpretations/policy', 'interpretation-sync', () => import('./SyncPanelView.vue'), '政策解读', 'policyId'),
  recordPage('/interpretations', 'interpretation', () => import('./InterpretationEditorView.vue'), '政策解读'),
]

// The 依申请公开 module's pages: the register (with table 三 of the annual report) and one application.
import type { RouteRecordRaw } from 'vue-router'
import { page, recordPage } from '../../router/pages'

export const disclosureRoutes: RouteRecordRaw[] = [
  page('/disclosure', 'disclosure', () => import('./DisclosureListView.vue'), '依申请公开'),
  recordPage('/disclosure', 'disclosure-request', () => import('./DisclosureDetailView.vue'), '依申请公开'),
]

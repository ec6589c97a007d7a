// The 局长信箱 module's pages and the statistics page (统计报表), which for now reports on the mailbox.
import type { RouteRecordRaw } from 'vue-router'
import { page, recordPage } from '../../router/pages'

export const mailboxRoutes: RouteRecordRaw[] = [
  page('/mailbox', 'mailbox', () => import('./InboxView.vue'), '局长信箱'),
  page('/mailbox/import', 'mailbox-import', () => import('./ImportView.vue'), '局长信箱'),
  page('/mailbox/settings', 'mailbox-settings', () => import('./MailboxSettingsView.vue'), '局长信箱'),
  recordPage('/mailbox', 'message', () => import('./MessageDetailView.vue'), '局长信箱'),
  page('/reports', 'reports', () => import('../reports/ReportsView.vue'), '统计报表'),
]

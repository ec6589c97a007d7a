// The 局长信箱 module's pages and the statistics page (统计报表), which for now reports on the mailbox.
import type { RouteRecordRaw } from 'vue-router'

export const mailboxRoutes: RouteRecordRaw[] = [
  { path: '/mailbox', name: 'mailbox', component: () => import('./InboxView.vue'), meta: { title: '局长信箱' } },
  { path: '/mailbox/import', name: 'mailbox-import', component: () => import('./ImportView.vue'), meta: { title: '局长信箱' } },
  { path: '/mailbox/settings', name: 'mailbox-settings', component: () => import('./MailboxSettingsView.vue'), meta: { title: '局长信箱' } },
  {
    path: '/mailbox/:id(\\d+)',
    name: 'message',
    component: () => import('./MessageDetailView.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { title: '局长信箱' },
  },
  { path: '/reports', name: 'reports', component: () => import('../reports/ReportsView.vue'), meta: { title: '统计报表' } },
]

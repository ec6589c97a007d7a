// Hash history: the app is served from embedded files, where only the fragment can change freely.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import ModuleEmptyView from '../views/ModuleEmptyView.vue'
import SettingsView from '../views/settings/SettingsView.vue'
import { modules } from '../views/modules'
import { consultationRoutes } from '../views/consultations/routes'
import { interpretationRoutes } from '../views/interpretations/routes'
import { mailboxRoutes } from '../views/mailbox/routes'
import { disclosureRoutes } from '../views/disclosure/routes'
import { prefetchPages } from './pages'

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/dashboard' },
  { path: '/dashboard', name: 'dashboard', component: () => import('../views/DashboardView.vue'), meta: { title: '工作台' } },
  ...consultationRoutes,
  ...interpretationRoutes,
  ...mailboxRoutes,
  ...disclosureRoutes,
  ...modules.filter((m) => !['consultations', 'interpretations', 'mailbox', 'disclosure', 'reports'].includes(m.key)).map((m) => ({
    path: m.path,
    name: m.key,
    component: ModuleEmptyView,
    props: { module: m },
    meta: { title: m.title },
  })),
  {
    path: '/settings',
    component: SettingsView,
    meta: { title: '设置' },
    children: [
      { path: '', redirect: '/settings/bureau' },
      { path: 'bureau', name: 'settings-bureau', component: () => import('../views/settings/BureauSettings.vue') },
      { path: 'sections', name: 'settings-sections', component: () => import('../views/settings/SectionsSettings.vue') },
      { path: 'people', name: 'settings-people', component: () => import('../views/settings/PeopleSettings.vue') },
      { path: 'server', name: 'settings-server', component: () => import('../views/settings/ServerSettings.vue') },
      { path: 'topics', name: 'settings-topics', component: () => import('../views/settings/topics/TopicsSettings.vue') },
      { path: 'letters', name: 'settings-letters', component: () => import('../views/settings/LetterTemplatesSettings.vue') },
      { path: 'calendar', name: 'settings-calendar', component: () => import('../views/settings/CalendarSettings.vue') },
      { path: 'backup', name: 'settings-backup', component: () => import('../views/settings/BackupSettings.vue') },
      { path: 'audit', name: 'settings-audit', component: () => import('../views/settings/AuditSettings.vue') },
      { path: 'about', name: 'settings-about', component: () => import('../views/settings/AboutSettings.vue') },
    ],
  },
  { path: '/calendar', redirect: '/settings/calendar' },
  // who uses the app is whoever signed in: the old 当前使用人 page now leads to the people
  { path: '/settings/user', redirect: '/settings/people' },
  { path: '/:rest(.*)*', redirect: '/dashboard' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
router.isReady().then(() => prefetchPages(routes, ['message', 'consultation']), () => {})

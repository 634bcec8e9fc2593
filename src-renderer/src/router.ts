import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

/** Only built features appear here, and so in the navigation (those with meta.nav). */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/dashboard' },
  {
    path: '/dashboard',
    component: () => import('./views/dashboard/DashboardView.vue'),
    meta: { title: '工作台', nav: true, icon: 'Odometer' },
  },
  {
    path: '/plan',
    component: () => import('./views/plan/PlanView.vue'),
    meta: { title: '活动清单', nav: true, icon: 'List' },
  },
  {
    path: '/activities',
    component: () => import('./views/activities/ActivitiesView.vue'),
    meta: { title: '活动登记', nav: true, icon: 'EditPen' },
  },
  {
    path: '/highlights',
    component: () => import('./views/activities/HighlightsView.vue'),
    meta: { title: '工作亮点', nav: true, icon: 'Star' },
  },
  {
    path: '/training',
    component: () => import('./views/training/TrainingView.vue'),
    meta: { title: '培训与表彰', nav: true, icon: 'Trophy' },
  },
  {
    path: '/roster',
    component: () => import('./views/roster/RosterView.vue'),
    meta: { title: '志愿者花名册', nav: true, icon: 'User' },
  },
  {
    path: '/statistics',
    component: () => import('./views/statistics/StatisticsView.vue'),
    meta: { title: '统计', nav: true, icon: 'DataAnalysis' },
  },
  {
    path: '/outputs',
    component: () => import('./views/outputs/OutputsView.vue'),
    meta: { title: '导出与打印', nav: true, icon: 'Printer' },
  },
  {
    path: '/certificates',
    component: () => import('./views/certificates/CertificatesView.vue'),
    meta: { title: '志愿服务证明', nav: true, icon: 'Medal' },
  },
  {
    path: '/import',
    component: () => import('./views/import/ImportView.vue'),
    meta: { title: '导入', nav: true, icon: 'Upload' },
  },
  {
    path: '/import/history',
    component: () => import('./views/import/ImportHistoryView.vue'),
    meta: { title: '导入历史' },
  },
  {
    path: '/recycle-bin',
    component: () => import('./views/recycle/RecycleBinView.vue'),
    meta: { title: '回收站', nav: true, icon: 'Delete' },
  },
  { path: '/reference', redirect: '/reference/departments' },
  {
    path: '/reference/:tab(departments|tasks|teams|leading-group|units)',
    component: () => import('./views/reference/ReferenceView.vue'),
    meta: { title: '基础数据', nav: true, icon: 'Files', navPath: '/reference' },
  },
  {
    path: '/audit',
    component: () => import('./views/audit/AuditView.vue'),
    meta: { title: '操作记录', nav: true, icon: 'Tickets' },
  },
  {
    path: '/settings',
    component: () => import('./views/settings/SettingsView.vue'),
    meta: { title: '设置', nav: true, icon: 'Setting' },
  },
  { path: '/:unknown(.*)*', redirect: '/dashboard' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

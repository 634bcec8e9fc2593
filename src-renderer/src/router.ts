import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

/** Only built features appear here, and so in the navigation. */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/roster' },
  { path: '/roster', component: () => import('./views/roster/RosterView.vue'), meta: { title: '志愿者花名册', nav: true } },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

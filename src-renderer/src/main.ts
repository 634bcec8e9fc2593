import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import './styles.css'
import AppRoot from './AppRoot.vue'
import { installElementPlus } from './elementPlus'
import { hasBridge } from './api'
import { router } from './router'
import StartupError from './StartupError.vue'

// Without the host's bridge no screen can work: say so once, in Chinese, instead of mounting the app.
if (hasBridge()) {
  const app = createApp(AppRoot).use(createPinia()).use(router)
  installElementPlus(app)
  app.mount('#app')
} else createApp(StartupError).mount('#app')

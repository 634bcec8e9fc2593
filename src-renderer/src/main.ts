import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './styles.css'
import AppRoot from './AppRoot.vue'
import { hasBridge } from './api'
import { router } from './router'
import StartupError from './StartupError.vue'

// Without the host's bridge no screen can work: say so once, in Chinese, instead of mounting the app.
if (hasBridge())
  createApp(AppRoot).use(createPinia()).use(router).use(ElementPlus, { locale: zhCn, size: 'default' }).mount('#app')
else createApp(StartupError).mount('#app')

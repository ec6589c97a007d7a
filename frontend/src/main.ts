import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { ElLoading, ElMessage, ElMessageBox, ElNotification, provideGlobalConfig } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './styles/main.css'
import App from './App.vue'
import { router } from './router'
import { installTransport } from './api/transport'

// Before anything calls a service: the desk's bridge, a desk connected to a server, or the browser's HTTP API.
installTransport()

// Element Plus's components are imported by the pages that use them (vite.config.ts); here only its Chinese
// texts for the whole app, and the services called from code (messages, dialogs, v-loading) with the app's context.
const app = createApp(App).use(createPinia()).use(router)
provideGlobalConfig({ locale: zhCn }, app, true)
app.use(ElLoading).use(ElMessage).use(ElMessageBox).use(ElNotification)
app.mount('#app')

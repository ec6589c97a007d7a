/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

/** The Wails runtime: present inside the app (and, from api/transport, in the browser). */
interface Window {
  runtime?: Record<string, unknown>
}

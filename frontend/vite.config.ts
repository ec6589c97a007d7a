import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The app is served from embedded files (wails://, or the dev server's asset dir), so every URL is relative.
export default defineConfig({
  base: './',
  plugins: [
    vue(),
    // Each page imports the Element Plus components its template uses, so a page's chunk carries them and the
    // first page does not wait for the whole library to be parsed (about half a second on a busy desk).
    // Element Plus's stylesheet stays whole (main.ts): the app's own styles keep overriding it in one order.
    Components({ resolvers: [ElementPlusResolver({ importStyle: false, directives: true })], dts: false }),
  ],
  // Under vitest only: src/api/events.test.ts reads the Go side's event names from ../app/events.go.
  server: process.env.VITEST ? { fs: { allow: ['.', '../app'] } } : undefined,
  build: {
    chunkSizeWarningLimit: 1600,
    reportCompressedSize: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    css: false,
  },
})

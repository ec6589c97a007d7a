import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The app is served from embedded files (wails://, or the dev server's asset dir), so every URL is relative.
export default defineConfig({
  base: './',
  plugins: [vue()],
  // Under vitest only: src/api/events.test.ts reads the Go side's event names from ../app/events.go.
  server: process.env.VITEST ? { fs: { allow: ['.', '../app'] } } : undefined,
  build: {
    // Element Plus is imported whole: one vendor chunk, loaded from disk, so its size is not a concern.
    chunkSizeWarningLimit: 1600,
    reportCompressedSize: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    css: false,
  },
})

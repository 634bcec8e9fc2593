// The renderer's Vite config, shared by electron-vite (the app) and the E2E build (the same page in
// Chromium, with the real core bridged in by the test harness).
import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type UserConfig } from 'vite'

export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [vue()],
  resolve: { alias: { '@': resolve(import.meta.dirname, 'src-renderer/src') } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: resolve(import.meta.dirname, 'src-renderer/index.html') },
  },
}

export default defineConfig(rendererConfig)

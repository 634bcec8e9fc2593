import { cpSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { rendererConfig } from './vite.renderer.config'

/** The core reads its numbered .sql migrations from a folder beside the bundle. */
function copyMigrations(): Plugin {
  let root = process.cwd()
  let outDir = 'out/main'
  return {
    name: 'copy-migrations',
    configResolved(config) {
      root = config.root
      outDir = config.build.outDir
    },
    closeBundle() {
      cpSync(resolve(root, 'src-main/core/db/migrations'), resolve(root, outDir, 'migrations'), { recursive: true })
    },
  }
}

/**
 * The main process (window, menus, dialogs), the utility process that hosts the core (coreHost.js,
 * started by main with utilityProcess.fork) and the core's parse worker (parseWorker.js, started by
 * coreHost with worker_threads). Each is looked up by these names beside the others in out/main/.
 */
export const MAIN_ENTRIES = {
  index: 'src-main/electron/main.ts',
  coreHost: 'src-main/electron/coreHost.ts',
  parseWorker: 'src-main/core/import/parseWorker.ts',
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      outDir: 'out/main',
      // Shared code lands beside the entries, not in chunks/: the core finds its migrations and its
      // parse worker relative to the file it runs from.
      rollupOptions: { input: MAIN_ENTRIES, output: { chunkFileNames: '[name]-[hash].js' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
})

// electron-vite build of the three parts: main (with its worker entries), sandboxed preload, renderer.
// Migrations ship as .sql files next to the main bundle; the copy step below puts them there.
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname ?? __dirname;
const alias = { '@shared': resolve(root, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // index: the window thread; core: the core thread (store, sessions, dispatch); worker: one job.
      lib: {
        entry: {
          index: 'electron/main/index.ts',
          core: 'electron/core/host/core-worker.ts',
          worker: 'electron/core/jobs/worker-entry.ts',
        },
      },
      // Shared code lands beside the entries: the core finds migrations/ and worker.js via __dirname.
      rollupOptions: { output: { chunkFileNames: '[name]-[hash].js' } },
    },
    plugins: [
      {
        name: 'copy-migrations',
        closeBundle() {
          cpSync(resolve(root, 'electron/core/db/migrations'), resolve(root, 'out/main/migrations'), {
            recursive: true,
          });
        },
      },
    ],
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      lib: { entry: 'electron/preload/index.ts' },
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].js' } },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias },
    base: './',
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
      chunkSizeWarningLimit: 4000,
    },
    plugins: [react()],
  },
});

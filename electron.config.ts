// electron-vite configuration. electron-vite only finds `electron.vite.config.*` by itself, so every
// command passes `-c electron.config.ts`; entries are explicit because its defaults are src/*.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The ingest worker is its own entry (out/main/ingest-worker.js), found by main/ingest/worker-client.ts.
      rolldownOptions: {
        input: { index: resolve(__dirname, 'main/index.ts'), 'ingest-worker': resolve(__dirname, 'main/ingest/worker.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron': bundle everything else (zod, shared/api).
      externalizeDeps: false,
      // A sandboxed preload cannot load ESM: build it as CommonJS.
      rolldownOptions: {
        input: { index: resolve(__dirname, 'main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    // Relative asset paths: the same bundle loads from app://annals/ (Electron, main/app-protocol.ts) and
    // from main/web's server.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves bundles unminified; minified, the page parses ~2.3× less code at start.
      minify: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        // index: the Electron app; web: the browser-mode host; cli: the devsim command;
        // run-worker: a simulation run's worker thread (the run service finds it beside the
        // entries). web, cli and run-worker never import electron, so they run under plain Node.
        input: {
          index: resolve(root, 'src-main/index.ts'),
          web: resolve(root, 'src-main/host/web-main.ts'),
          cli: resolve(root, 'src-main/cli/main.ts'),
          'run-worker': resolve(root, 'src-main/runs/run-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(root, 'src-preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified it loads faster in browser mode.
      minify: true,
      rolldownOptions: {
        input: { index: resolve(root, 'src-renderer/index.html') },
        // The areas load as separate chunks (CurrentScreen.tsx); modules still run in source
        // order across chunks, so zod-jitless.ts configures zod before any shared chunk parses.
        output: { strictExecutionOrder: true },
      },
    },
  },
});

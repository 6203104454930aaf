import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The `newsroom` command, built with the app into `out/cli/main.js` so it runs on
 * plain Node without compiling TypeScript at start. A server-side build keeps
 * every package in node_modules external (better-sqlite3 and sharp load their
 * native files from there); only our own sources are bundled.
 */
export default defineConfig({
  build: {
    ssr: resolve('src/main/cli/main.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    reportCompressedSize: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'main.js' } },
  },
  logLevel: 'warn',
});

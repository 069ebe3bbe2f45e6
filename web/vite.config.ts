import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The server serves web/dist itself (same origin as the API), so the build has no base path or proxy to know about.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP allows no inline script; a separate module preload polyfill would be inlined otherwise.
    modulePreload: { polyfill: false },
    sourcemap: true,
    rollupOptions: {
      output: {
        // Each CodeMirror grammar is loaded on its own when an editor first shows that language; name it after it.
        chunkFileNames: (chunk) => `assets/${/@codemirror\/(lang-[\w-]+)\//.exec(chunk.facadeModuleId ?? '')?.[1] ?? '[name]'}-[hash].js`,
      },
    },
  },
});

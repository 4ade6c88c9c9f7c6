import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is plain static files: served by Electron's app:// protocol or the
// web harness. Relative asset paths work for both; nothing is fetched from a CDN.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // One file per chunk; no inline scripts (the CSP forbids them).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The strength meter's dictionaries are large but loaded only when a passphrase is chosen.
    chunkSizeWarningLimit: 1500,
  },
});

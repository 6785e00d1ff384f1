/** Build of the admin app: a separate Vite project served by the server at /admin/. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP forbids inline scripts and styles: keep every asset an external file.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    // `npx vite admin` during development: the API and media come from a running `depeche serve`.
    proxy: { '/api': 'http://127.0.0.1:3000', '/media': 'http://127.0.0.1:3000', '/static': 'http://127.0.0.1:3000' },
  },
});

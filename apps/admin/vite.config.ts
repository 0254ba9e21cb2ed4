import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server serves the console at /ui/ (as the gateway does) and forwards every other path, the management
// API and /v1 included, to a running gateway: SWITCHYARD_GATEWAY_URL, default http://127.0.0.1:4000.
const gateway = process.env['SWITCHYARD_GATEWAY_URL'] ?? 'http://127.0.0.1:4000';

export default defineConfig({
  base: '/ui/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400 },
  server: {
    host: '127.0.0.1',
    proxy: { '^/(?!ui(?:/|$))': { target: gateway, changeOrigin: true } },
  },
});

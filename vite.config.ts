import { defineConfig } from 'vite';
import { apiPlugin } from './server/vite-plugin.ts';

export default defineConfig({
  // The embedded API answers under /v1/ on the page's own origin.
  plugins: [apiPlugin()],
  server: { host: '127.0.0.1', port: 5173 },
  build: { target: 'es2022' },
});

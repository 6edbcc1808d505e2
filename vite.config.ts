import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { mateoServer } from './server/dev-plugin';

const port = Number(process.env.PORT ?? 5173);

export default defineConfig({
  plugins: [react(), tailwindcss(), mateoServer()],
  server: {
    host: process.env.HOST ?? '127.0.0.1',
    port,
    strictPort: true,
    // Vite's own DNS-rebinding guard; the API gate checks Host again.
    allowedHosts: ['localhost', '127.0.0.1'],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
});

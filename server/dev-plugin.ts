import type { Plugin } from 'vite';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app';
import { loadDotEnv } from './dot-env';
import { parseEnv } from './env';
import { allowedHostsFor } from './start';
import { setUpUpstream } from './upstream-setup';

// Loaded when vite.config.ts imports this module, before the config reads PORT, so `.env`
// sets the dev server's port as well as the proxy's settings. A malformed file fails the config
// load with the lines named.
loadDotEnv();

/**
 * Mounts the same server app that `npm start` runs into Vite's dev server, so the gate, the
 * allowlist and the token handling in development are the ones users run.
 */
export function mateoServer(): Plugin {
  return {
    name: 'mateo-server',
    apply: 'serve',
    async configureServer(server) {
      const env = parseEnv(process.env);
      const port = server.config.server.port ?? env.PORT;
      const setup = await setUpUpstream(env);
      const app = createApp({
        upstream: setup.upstream,
        // The dev server listens on loopback whatever HOST says (vite.config.ts).
        allowedHosts: new Set(allowedHostsFor({ ...env, HOST: '127.0.0.1' }, port)),
      });
      const listener = getRequestListener(app.fetch);
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/api/') || req.url === '/api') void listener(req, res);
        else next();
      });
      server.httpServer?.once('close', () => void setup.close());
      server.config.logger.info(`  Mateo API: ${setup.description}`);
    },
  };
}

import { afterEach, describe, expect, it, vi } from 'vitest';

const realHost = process.env.HOST;
afterEach(() => {
  if (realHost === undefined) delete process.env.HOST;
  else process.env.HOST = realHost;
  vi.resetModules();
});

/** vite.config.ts as `npm run dev` reads it, with HOST set as given. */
async function devServerConfig(host: string) {
  process.env.HOST = host;
  vi.resetModules();
  const { default: config } = await import('../vite.config');
  return config.server;
}

describe('npm run dev', () => {
  it.each(['0.0.0.0', '::', '192.168.1.20'])(
    'listens on 127.0.0.1 even with HOST=%s (HOST is for npm start)',
    async (host) => {
      const server = await devServerConfig(host);
      expect(server?.host).toBe('127.0.0.1');
      expect(server?.allowedHosts).toEqual(['localhost', '127.0.0.1']);
    },
  );
});

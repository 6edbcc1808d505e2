import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { rawPathRefusal } from './proxy/gate';
import { createProxy } from './proxy/proxy';
import { hasSecurityHeaders, SECURITY_HEADERS } from './proxy/respond';
import type { Upstream } from './proxy/upstream';

export interface AppDeps {
  upstream: Upstream;
  /** `host[:port]` values (lower case) the Host header may carry; read on every request. */
  allowedHosts: ReadonlySet<string>;
  /** Folder of the built app (`dist/`); omitted in dev, where Vite serves the page. */
  staticRoot?: string;
  /** Extra origins the page may connect to (the media library's upload host). */
  connectOrigins?: string[];
}

/** Origins the page may talk to besides its own: media uploads go to the signed URL's host. */
function contentSecurityPolicy(connectOrigins: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Tailwind's runtime-free CSS is a file; inline style attributes come from the editors.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    `connect-src 'self' ${connectOrigins.join(' ')}`.trim(),
    "frame-src 'self' about:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The whole server: `/api/*` through the proxy, and the built app in production. */
export function createApp({
  upstream,
  allowedHosts,
  staticRoot,
  connectOrigins = [],
}: AppDeps): Hono {
  const app = new Hono();

  // In front of every request: the raw path guard, then the security headers on the answer.
  // One middleware rather than two, as each Hono layer is another async frame per request.
  app.use('*', async (c, next) => {
    const refused = rawPathRefusal(c);
    if (refused) c.res = refused;
    else await next();
    // The proxy's answers are built with these headers; setting them again would make Hono
    // copy each finished answer into a new, streamed Response.
    if (!hasSecurityHeaders(c.res)) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    }
    if (!c.req.path.startsWith('/api/')) {
      c.header('content-security-policy', contentSecurityPolicy(connectOrigins));
    }
  });

  app.route('/api', createProxy({ upstream, allowedHosts }));

  if (staticRoot) {
    const indexPath = join(staticRoot, 'index.html');
    app.use(
      '/assets/*',
      serveStatic({
        root: staticRoot,
        // Vite writes .br and .gz beside each file (vite.config.ts).
        precompressed: true,
        onFound: (_path, c) => {
          c.header('cache-control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    app.use('*', serveStatic({ root: staticRoot, precompressed: true }));
    // Single-page app: every other GET gets the page.
    app.get('*', (c) => {
      if (!existsSync(indexPath)) return c.text('The app is not built. Run npm run build.', 500);
      c.header('cache-control', 'no-cache');
      return c.html(readFileSync(indexPath, 'utf8'));
    });
  }
  return app;
}

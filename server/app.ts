import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { getPath } from 'hono/utils/url';
import { serveStatic } from '@hono/node-server/serve-static';
import { rawPathRefusal } from './proxy/gate';
import { createProxy, type ProxyHandler } from './proxy/proxy';
import { hasSecurityHeaders, respondInternalError, SECURITY_HEADERS } from './proxy/respond';
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

/** The whole server as one fetch function: what `serve` and `getRequestListener` take. */
export interface App {
  /** `env` is what @hono/node-server passes (`incoming`, `outgoing`). */
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
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
}: AppDeps): App {
  const proxy = createProxy({ upstream, allowedHosts });
  const site = createSite(proxy, contentSecurityPolicy(connectOrigins), staticRoot);

  // `/api/*`, the hot path, goes to the proxy without Hono's router and context: against the
  // bare proxy of `npm run bench:proxy` they cost a proxied call about 3 µs of CPU, more than
  // the gate and the allowlist together. The path is the one Hono would route on. What a Hono
  // app answers to an uncaught error, the proxy's faults get too, with the security headers its
  // answers always carry.
  const answerApi = (request: Request, env: unknown): Response | Promise<Response> => {
    try {
      const answer = rawPathRefusal(request, env) ?? proxy(request);
      return answer instanceof Promise ? answer.catch(respondInternalError) : answer;
    } catch (caught) {
      return respondInternalError(caught);
    }
  };
  return {
    fetch: (request, env) =>
      getPath(request).startsWith('/api/') ? answerApi(request, env) : site.fetch(request, env),
  };
}

/** Everything but `/api/*`: the raw path guard and the security headers on every answer. */
function createSite(proxy: ProxyHandler, csp: string, staticRoot: string | undefined): Hono {
  const site = new Hono();
  site.use('*', async (c, next) => {
    const refused = rawPathRefusal(c.req.raw, c.env);
    if (refused) c.res = refused;
    else await next();
    // The proxy's answers are built with these headers; setting them again would make Hono
    // copy each finished answer into a new, streamed Response.
    if (!hasSecurityHeaders(c.res)) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    }
    c.header('content-security-policy', csp);
  });
  // `/api` itself is the proxy's (a 404 there), answered with the headers of any page.
  site.all('/api', (c) => proxy(c.req.raw));

  if (staticRoot) {
    const indexPath = join(staticRoot, 'index.html');
    site.use(
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
    site.use('*', serveStatic({ root: staticRoot, precompressed: true }));
    // Single-page app: every other GET gets the page.
    site.get('*', (c) => {
      if (!existsSync(indexPath)) return c.text('The app is not built. Run npm run build.', 500);
      c.header('cache-control', 'no-cache');
      return c.html(readFileSync(indexPath, 'utf8'));
    });
  }
  return site;
}

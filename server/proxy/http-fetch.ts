import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * A `fetch`-shaped client on node:http with keep-alive agents and a buffered body. Node's global
 * fetch costs several times more per call on loopback (web streams, per-call setup); answers
 * here are small JSON, so buffering is cheap and keeps the proxy close to a bare forwarder.
 * Errors carry `cause.code` (ECONNREFUSED, ECONNRESET) and aborts a `TimeoutError`/`AbortError`,
 * as fetch's do.
 */
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

export const httpFetch: typeof fetch = (input, init = {}) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const body = init.body;
    if (
      body !== undefined &&
      body !== null &&
      !(body instanceof ArrayBuffer) &&
      typeof body !== 'string'
    ) {
      reject(new TypeError('httpFetch sends string or ArrayBuffer bodies only'));
      return;
    }
    const payload =
      body === undefined || body === null
        ? undefined
        : typeof body === 'string'
          ? Buffer.from(body)
          : Buffer.from(body);
    if (payload) headers['content-length'] = String(payload.byteLength);

    const signal = init.signal;
    const req = send(
      url,
      { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'] },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => fail(error));
        res.on('end', () => {
          signal?.removeEventListener('abort', onAbort);
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value === undefined) continue;
            for (const item of Array.isArray(value) ? value : [value])
              responseHeaders.append(name, item);
          }
          const status = res.statusCode ?? 502;
          const nullBody = status === 204 || status === 304 || (init.method ?? 'GET') === 'HEAD';
          resolve(
            new Response(nullBody ? null : Buffer.concat(chunks), {
              status,
              headers: responseHeaders,
            }),
          );
        });
      },
    );
    const fail = (error: unknown) => {
      signal?.removeEventListener('abort', onAbort);
      reject(
        error instanceof Error && 'code' in error
          ? Object.assign(new TypeError('fetch failed'), { cause: error })
          : error,
      );
    };
    const onAbort = () => {
      const reason = signal?.reason as Error | undefined;
      req.destroy();
      reject(
        reason ?? Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }),
      );
    };
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', fail);
    req.end(payload);
  });

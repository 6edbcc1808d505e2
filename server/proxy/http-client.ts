import {
  Agent as HttpAgent,
  request as httpRequest,
  type ClientRequest,
  type IncomingHttpHeaders,
  type RequestOptions,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { urlToHttpOptions } from 'node:url';

/**
 * A small HTTP client on node:http with keep-alive agents that hands back the whole answer as a
 * Buffer. Node's global fetch costs several times more per call on loopback (web streams,
 * Request/Response/Headers objects, an AbortSignal per call); the upstream's answers are small
 * JSON, so buffering is cheap and keeps the proxy close to a bare forwarder.
 */
const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

export interface HttpRequest {
  method: string;
  /** Path and query, appended to the base URL as a string (`/channel?limit=1`). */
  target: string;
  headers: Record<string, string>;
  body?: ArrayBuffer | string;
  /** The whole exchange, connecting to the last byte of the answer, must fit in this time. */
  timeoutMs: number;
}

export interface HttpAnswer {
  status: number;
  /** Lower-case names, as Node parses them: Set-Cookie is a list, repeats of others joined. */
  headers: IncomingHttpHeaders | Record<string, string>;
  /** `null` for 204 and 304, which have no body. */
  body: Buffer | null;
}

export type HttpSend = (request: HttpRequest) => Promise<HttpAnswer>;

/** The deadline passed; named like fetch's, so callers handle both alike. */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** The connection failed or broke; `cause` is the system error (`cause.code`: ECONNREFUSED...). */
export class HttpNetworkError extends Error {
  override readonly name = 'HttpNetworkError';
}

export const hasNoBody = (method: string, status: number) =>
  status === 204 || status === 304 || method === 'HEAD';

/**
 * A sender for one base URL (`https://host/api/v1`, no query). Targets are appended to it as
 * strings, like `${baseUrl}${target}`; the base is parsed once instead of on every call.
 */
export function createHttpClient(baseUrl: string): HttpSend {
  // Parsing the base with a probe segment gives the path prefix exactly as the concatenated
  // URL would have it (`http://h:9` → ``, `https://h/api/v1` → `/api/v1`).
  const probe = new URL(`${baseUrl}/_`);
  if (probe.search || probe.hash || !probe.pathname.endsWith('/_')) {
    throw new Error(`The upstream base URL must not carry a query or fragment: ${baseUrl}`);
  }
  if (probe.protocol !== 'http:' && probe.protocol !== 'https:') {
    throw new Error(`The upstream base URL must be http or https: ${baseUrl}`);
  }
  const secure = probe.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  const agent = secure ? agents.https : agents.http;
  const { protocol, hostname, port, auth } = urlToHttpOptions(probe);
  const prefix = probe.pathname.slice(0, -2);

  return ({ method, target, headers, body, timeoutMs }) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const payload =
        body === undefined
          ? undefined
          : typeof body === 'string'
            ? Buffer.from(body)
            : Buffer.from(body);
      if (payload)
        headers = Object.assign({}, headers, { 'content-length': String(payload.byteLength) });
      const exchange: Exchange = {
        send,
        options: { protocol, hostname, port, auth, path: prefix + target, method, headers, agent },
        payload,
        repeat: method === 'GET' || method === 'HEAD',
        resolve,
        reject,
      };
      // One timer for the whole exchange, a repeated request included; unref'd like
      // AbortSignal.timeout, so it never holds the process open.
      exchange.timer = setTimeout(() => {
        reject(new HttpTimeoutError(`No complete answer within ${timeoutMs} ms`));
        // The request ended here breaks like a closed connection: it is not one to repeat.
        exchange.repeat = false;
        exchange.req?.destroy();
      }, timeoutMs);
      exchange.timer.unref();
      attempt(exchange);
    });
}

/** One call, carried from its request to a repeat of it (see `attempt`). */
interface Exchange {
  send: typeof httpRequest;
  options: RequestOptions & { method: string; path: string };
  payload: Buffer | undefined;
  /** Whether a request that breaks on a connection the other side closed is sent again. */
  repeat: boolean;
  req?: ClientRequest;
  timer?: NodeJS.Timeout;
  resolve: (answer: HttpAnswer) => void;
  reject: (error: Error) => void;
}

/** What a request on a kept-alive connection the other side has just closed fails with. */
const CLOSED_IDLE = new Set(['ECONNRESET', 'EPIPE']);

// The handlers are inline arrows on purpose: `tsx` (how `npm start` runs the server) compiles
// with esbuild's keepNames, which gives every named function made per call a `defineProperty`
// of its name, about half a microsecond on each request.
function attempt(exchange: Exchange) {
  const { method, path } = exchange.options;
  const req = (exchange.req = exchange.send(exchange.options, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('error', (error) => {
      clearTimeout(exchange.timer);
      exchange.reject(networkError(method, path, error));
    });
    res.on('end', () => {
      clearTimeout(exchange.timer);
      const status = res.statusCode ?? 502;
      exchange.resolve({
        status,
        headers: res.headers,
        body: hasNoBody(method, status)
          ? null
          : chunks.length === 1
            ? (chunks[0] as Buffer)
            : Buffer.concat(chunks),
      });
    });
  }));
  req.on('error', (error) => {
    // A kept-alive connection the other side closed while it was idle breaks as the request
    // goes out on it: a read is asked again, once, on a new connection.
    if (
      exchange.repeat &&
      req.reusedSocket &&
      CLOSED_IDLE.has((error as { code?: string }).code!)
    ) {
      exchange.repeat = false;
      return attempt(exchange);
    }
    clearTimeout(exchange.timer);
    exchange.reject(networkError(method, path, error));
  });
  req.end(exchange.payload);
}

function networkError(method: string, url: string, cause: Error): HttpNetworkError {
  return new HttpNetworkError(`${method} ${url} failed`, { cause });
}

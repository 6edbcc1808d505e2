import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, HttpNetworkError, HttpTimeoutError } from './http-client';

/**
 * An upstream that closes a kept-alive connection as the second request arrives on it, the
 * way a server whose idle timeout has just run out does while the request is on its way (or,
 * with `later` set to 'hang', never answers that request).
 */
let server: Server;
let baseUrl: string;
let received: string[];
let later: 'close' | 'hang';

beforeEach(async () => {
  received = [];
  later = 'close';
  const served = new WeakMap<Socket, number>();
  server = createServer((req, res) => {
    const count = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, count);
    received.push(`${req.method} ${req.url} #${count}`);
    if (count > 1) {
      if (later === 'close') req.socket.destroy();
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

const call = (method: string, target: string, timeoutMs = 5_000) =>
  createHttpClient(baseUrl)({ method, target, headers: {}, timeoutMs });

describe('a kept-alive connection closed by the upstream', () => {
  it('asks a read again on a new connection, once, and answers it', async () => {
    expect((await call('GET', '/message?id=eq.1')).status).toBe(200);
    const answer = await call('GET', '/message?id=eq.2');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body!.toString())).toEqual({
      method: 'GET',
      url: '/message?id=eq.2',
    });
    expect(received).toEqual([
      'GET /message?id=eq.1 #1',
      'GET /message?id=eq.2 #2',
      'GET /message?id=eq.2 #1',
    ]);
  });

  it('does not ask a read again once its time is up', async () => {
    later = 'hang';
    expect((await call('GET', '/message?id=eq.1')).status).toBe(200);
    await expect(call('GET', '/message?id=eq.2', 200)).rejects.toBeInstanceOf(HttpTimeoutError);
    // Long enough for a repeat, had one been sent, to reach the upstream.
    await new Promise((done) => setTimeout(done, 200));
    expect(received).toEqual(['GET /message?id=eq.1 #1', 'GET /message?id=eq.2 #2']);
  });

  it('does not send a write twice: the break is the answer', async () => {
    expect((await call('POST', '/send_message')).status).toBe(200);
    await expect(call('POST', '/send_message')).rejects.toBeInstanceOf(HttpNetworkError);
    expect(received).toEqual(['POST /send_message #1', 'POST /send_message #2']);
  });
});

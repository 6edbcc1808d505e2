import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from './sandbox/seed';
import { startSandboxServer, type SandboxServer } from './sandbox/server';
import { SANDBOX_START_TIMEOUT_MS } from './sandbox/test-client';
import { serveProxy } from './test-support';

/** The published 200 schema of send_message, checked by a JSON Schema validator. */
const spec = parse(
  readFileSync(resolve(import.meta.dirname, '../spec/mateo-send-message.openapi.yaml'), 'utf8'),
);
const ok200 = new Ajv2020({ strict: false, validateFormats: false }).compile(
  spec.paths['/send_message'].post.responses['200'].content['application/vnd.pgrst.object+json']
    .schema,
);

let clock = new Date('2026-11-24T10:00:00Z');
let sandbox: SandboxServer;
let proxy: Awaited<ReturnType<typeof serveProxy>>;

beforeAll(async () => {
  sandbox = await startSandboxServer({
    port: 0,
    dataDir: null,
    schedulerIntervalMs: 0,
    now: () => clock,
  });
  proxy = await serveProxy({ baseUrl: sandbox.url, token: 'sandbox', timeoutMs: 5_000 }, 100);
}, SANDBOX_START_TIMEOUT_MS);

afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
});

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${proxy.url}/api${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
const send = (body: unknown) =>
  api('/send_message', { method: 'POST', body: JSON.stringify(body) });
const direct = async <T>(path: string): Promise<T> =>
  (await (
    await fetch(`${sandbox.url}${path}`, { headers: { authorization: 'Bearer t' } })
  ).json()) as T;

describe('the proxy in front of the sandbox', () => {
  it('sends a valid message; the answer is the spec’s 200 and the sandbox stored what was sent', async () => {
    const id = crypto.randomUUID();
    const request = {
      id,
      from: SEED.channels.email,
      to: [{ handle: 'kunde@example.de', full_name: 'Kunde' }],
      cc: [{ contact_id: SEED.contacts.emailOnly }],
      subject: 'Ihr Termin',
      html: '<p>Hallo <strong>Kunde</strong></p>',
      text: 'Hallo Kunde',
      conversation_status: 'closed',
    };
    const response = await send(request);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/vnd.pgrst.object+json');
    const body = await response.json();
    expect(ok200(body), JSON.stringify(ok200.errors)).toBe(true);
    expect(body.message).toMatchObject({ id, subject: 'Ihr Termin', status: 'sending' });
    expect(body.conversation.status).toBe('closed');

    const [message] = await direct<
      { id: string; subject: string; content: { html: string; text: string } }[]
    >(`/message?id=eq.${id}`);
    expect(message).toMatchObject({
      subject: 'Ihr Termin',
      content: { html: request.html, text: request.text },
    });
    const recipients = await direct<{ role: string; handle: string; contact_id: string | null }[]>(
      `/recipient?message_id=eq.${id}&order=role.asc`,
    );
    expect(recipients.filter((r) => r.role !== 'from').map((r) => [r.role, r.handle])).toEqual([
      ['cc', 'francois.dubois@example.net'],
      ['to', 'kunde@example.de'],
    ]);
  });

  it('answers a reused message id with 409 23505 and stores nothing new', async () => {
    const id = crypto.randomUUID();
    const body = {
      id,
      from: SEED.channels.sms,
      to: [{ handle: '+4915123456789' }],
      text: 'Einmal',
    };
    expect((await send(body)).status).toBe(200);
    const again = await send({ ...body, text: 'Zweimal' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: '23505', statusCode: 409 });
    const stored = await direct<{ raw_content: string }[]>(`/message?id=eq.${id}`);
    expect(stored.map((m) => m.raw_content)).toEqual(['Einmal']);
  });

  it('turns a scheduled message sent after its time', async () => {
    const id = crypto.randomUUID();
    const sendAfter = new Date(clock.getTime() + 60 * 60_000)
      .toISOString()
      .replace(/:\d\d\.\d+Z$/, '+00:00');
    const response = await send({
      id,
      from: SEED.channels.whatsapp,
      to: [{ handle: '+4915123456789' }],
      text: 'Später',
      send_after: sendAfter,
    });
    expect(response.status).toBe(200);
    expect((await response.json()).message.status).toBe('scheduled');

    await sandbox.sandbox.runScheduler();
    const before = await (await api(`/message?id=eq.${id}&select=id,status`)).json();
    expect(before).toEqual([{ id, status: 'scheduled' }]);

    clock = new Date(clock.getTime() + 61 * 60_000);
    await sandbox.sandbox.runScheduler();
    const after = await (await api(`/message?id=eq.${id}&select=id,status`)).json();
    expect(after).toEqual([{ id, status: 'sent' }]);
  });

  it('cancels a scheduled message before its time and refuses to cancel a sent one', async () => {
    const scheduled = crypto.randomUUID();
    const sendAfter = new Date(clock.getTime() + 24 * 60 * 60_000).toISOString();
    await send({
      id: scheduled,
      from: SEED.channels.sms,
      to: [{ handle: '+4915123456789' }],
      text: 'Morgen',
      send_after: sendAfter,
    });
    const cancel = await api(`/message?id=eq.${scheduled}`, { method: 'DELETE' });
    expect(cancel.status).toBe(200);
    expect(await direct(`/message?id=eq.${scheduled}`)).toEqual([]);

    const sent = crypto.randomUUID();
    await send({
      id: sent,
      from: SEED.channels.sms,
      to: [{ handle: '+4915123456789' }],
      text: 'Jetzt',
    });
    await sandbox.sandbox.runScheduler();
    const refused = await api(`/message?id=eq.${sent}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'not_scheduled' });
    expect(await direct<unknown[]>(`/message?id=eq.${sent}`)).toHaveLength(1);
  });
});

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED } from './seed';
import { startSandboxServer, type SandboxServer } from './server';
import { createTestClient, SANDBOX_START_TIMEOUT_MS } from './test-client';

let root: string;
let server: SandboxServer | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mateo-sandbox-'));
});
afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

it(
  'keeps a sent message across close and reopen, without seeding twice',
  async () => {
    const dataDir = join(root, 'nested', 'sandbox');
    server = await startSandboxServer({ port: 0, dataDir, schedulerIntervalMs: 0 });
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    let api = createTestClient(server);
    const id = randomUUID();
    const response = await api.send({
      id,
      from: SEED.channels.whatsapp,
      to: [{ contact_id: SEED.contacts.withPhone }],
      text: 'Bleibt gespeichert',
    });
    expect(response.status).toBe(200);
    expect(await server.sandbox.runScheduler()).toBe(1);
    const channels = (await api.rows('/channel')).length;
    await server.close();

    server = await startSandboxServer({ port: 0, dataDir, schedulerIntervalMs: 50 });
    api = createTestClient(server);
    const [message] = await api.rows<{ raw_content: string; status: string }>(
      `/message?id=eq.${id}`,
    );
    expect(message).toMatchObject({ raw_content: 'Bleibt gespeichert', status: 'sent' });
    expect(await api.rows('/channel')).toHaveLength(channels);
    expect(
      (
        await api.send({
          id,
          from: SEED.channels.whatsapp,
          to: [{ contact_id: SEED.contacts.withPhone }],
          text: 'x',
        })
      ).status,
    ).toBe(409);
  },
  3 * SANDBOX_START_TIMEOUT_MS,
);

it('runs the scheduler on its own every schedulerIntervalMs', async () => {
  const api = createTestClient(server as SandboxServer);
  const response = await api.send({
    from: SEED.channels.sms,
    to: [{ contact_id: SEED.contacts.withPhone }],
    text: 'Gleich gesendet',
  });
  const { message } = (await response.json()) as { message: { id: string; status: string } };
  expect(message.status).toBe('sending');
  await expect
    .poll(
      async () => (await api.rows<{ status: string }>(`/message?id=eq.${message.id}`))[0]?.status,
      { timeout: 10_000, interval: 50 },
    )
    .toBe('sent');
});

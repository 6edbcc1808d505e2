import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../schemas/api-error';
import {
  CHANNEL_TYPES,
  ChannelListSchema,
  ContactListSchema,
  TemplateListSchema,
} from '../../schemas/rows';
import { UUID_PATTERN } from '../../schemas/patterns';
import { SEED } from './seed';
import { TABLES } from './store';
import { useTestSandbox } from './test-client';

const sandbox = useTestSandbox();
const { api } = sandbox;

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ code, statusCode: status });
  expect(typeof body.message).toBe('string');
  expect(ApiErrorSchema.safeParse(body).success).toBe(true);
  return body;
}

describe('auth and headers', () => {
  it('answers 401 without a token and 403 with a malformed one', async () => {
    await expectError(await fetch(`${sandbox.server.url}/channel`), 401, 'missing_api_key');
    await expectError(
      await fetch(`${sandbox.server.url}/channel`, { headers: { authorization: 'Basic abc' } }),
      403,
      'invalid_api_key',
    );
    await expectError(
      await fetch(`${sandbox.server.url}/channel`, { headers: { authorization: 'Bearer' } }),
      403,
      'invalid_api_key',
    );
    expect((await api.get('/channel')).status).toBe(200);
  });

  it('announces the rate limit on every answer, errors included', async () => {
    for (const response of [
      await api.get('/channel'),
      await fetch(`${sandbox.server.url}/channel`),
      await api.get('/nope'),
    ]) {
      expect(response.headers.get('ratelimit-limit')).toBe('2');
      expect(Number(response.headers.get('ratelimit-remaining'))).toBeGreaterThanOrEqual(0);
    }
  });

  it('answers 404 in the error shape for an unknown table or path', async () => {
    await expectError(await api.get('/nope'), 404, 'PGRST205');
    await expectError(await api.get('/constructor'), 404, 'PGRST205');
    await expectError(await fetch(`${sandbox.server.origin}/elsewhere`), 404, 'not_found');
  });
});

describe('seeded data', () => {
  it('has an active channel of every type, plus an inactive and an in-review one', async () => {
    const response = await api.get('/channel');
    expect(response.headers.get('content-type')).toBe('application/json');
    const channels = ChannelListSchema.parse(await response.json());
    for (const type of CHANNEL_TYPES) {
      const channel = channels.find((row) => row.id === SEED.channels[type]);
      expect(channel).toMatchObject({ type, status: 'active', active: true });
    }
    expect(channels.find((row) => row.id === SEED.inactiveChannelId)).toMatchObject({
      status: 'inactive',
      active: false,
    });
    expect(channels.find((row) => row.id === SEED.inReviewChannelId)).toMatchObject({
      status: 'in-review',
      active: false,
    });
    expect(channels.find((row) => row.id === SEED.channels.sms)?.handle).toMatch(/^\+49\d+$/);
  });

  it('uses ids that match the contract’s UUID pattern', () => {
    const ids =
      JSON.stringify(SEED).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ??
      [];
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(id).toMatch(UUID_PATTERN);
  });

  it('has about a hundred contacts with valid E.164 phones, some postal-only', async () => {
    const contacts = [];
    for (let offset = 0; ; offset += 50) {
      const page = await api.rows<Record<string, string | null>>(
        `/contact?order=created_at.asc&offset=${offset}`,
      );
      contacts.push(...page);
      if (page.length < 50) break;
    }
    expect(contacts.length).toBeGreaterThanOrEqual(95);
    expect(new Set(contacts.map((contact) => contact.id)).size).toBe(contacts.length);
    ContactListSchema.parse(contacts);
    const phones = contacts
      .flatMap((contact) => [contact.sms, contact.whatsapp])
      .filter((phone): phone is string => !!phone);
    for (const phone of phones) {
      expect(parsePhoneNumberFromString(phone)?.isValid(), phone).toBe(true);
      expect(phone).toMatch(/^\+[1-9]\d{6,14}$/);
    }
    const prefixes = new Set(phones.map((phone) => /^\+(49|43|41|44|33|1)/.exec(phone)?.[1]));
    expect([...prefixes].sort()).toEqual(['1', '33', '41', '43', '44', '49']);
    expect(contacts.some((contact) => /[äöüßéèëçłøőıšř]/i.test(contact.full_name ?? ''))).toBe(
      true,
    );
    const postalOnly = contacts.filter(
      (contact) => !contact.email && !contact.sms && !contact.whatsapp && contact.address_line1,
    );
    expect(postalOnly.length).toBeGreaterThanOrEqual(3);
    expect(contacts.some((contact) => contact.email && !contact.whatsapp)).toBe(true);
  });

  it('has templates with two, one and no placeholders', async () => {
    const templates = TemplateListSchema.parse(
      await api.rows('/template?channel_type=eq.whatsapp'),
    );
    const count = (body: string) => new Set(body.match(/\{\{\s*\w+\s*\}\}/g)).size;
    const byId = new Map(templates.map((template) => [template.id, template]));
    expect(count(byId.get(SEED.templates.appointment)?.body ?? '')).toBe(2);
    expect(count(byId.get(SEED.templates.vehicleReady)?.body ?? '')).toBe(1);
    expect(count(byId.get(SEED.templates.openingHours)?.body ?? 'x{{1}}')).toBe(0);
  });

  it('has a conversation inside and one outside the 24-hour window', async () => {
    const [recent] = await api.rows<Record<string, string>>(
      `/conversation?id=eq.${SEED.conversations.recent.id}`,
    );
    const [old] = await api.rows<Record<string, string>>(
      `/conversation?id=eq.${SEED.conversations.old.id}`,
    );
    const age = (iso: string | undefined) => Date.now() - Date.parse(iso ?? '');
    expect(recent?.latest_inbound_message_id).toBe(SEED.conversations.recent.inboundMessageId);
    expect(age(recent?.latest_inbound_message_created_at)).toBeLessThan(24 * 3600_000);
    expect(old?.latest_inbound_message_id).toBe(SEED.conversations.old.inboundMessageId);
    expect(age(old?.latest_inbound_message_created_at)).toBeGreaterThan(24 * 3600_000);
    const [inbound] = await api.rows<Record<string, unknown>>(
      `/message?id=eq.${SEED.conversations.recent.inboundMessageId}`,
    );
    expect(inbound).toMatchObject({
      is_inbound: true,
      conversation_id: SEED.conversations.recent.id,
    });
  });

  it('keeps the column allowlists in step with the tables', async () => {
    for (const table of Object.values(TABLES)) {
      const result = await sandbox.server.sandbox.db.query<{ column_name: string }>(
        'SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position',
        [table.name],
      );
      expect(result.rows.map((row) => row.column_name)).toEqual(Object.keys(table.columns));
    }
  });
});

describe('filters', () => {
  it('filters with eq and in', async () => {
    const [email] = await api.rows(`/channel?id=eq.${SEED.channels.email}`);
    expect(email).toMatchObject({ type: 'email', handle: 'support@autohaus-mueller.de' });
    const chat = await api.rows<{ type: string }>(
      '/channel?type=in.(sms,whatsapp)&status=eq.active',
    );
    expect(chat.map((row) => row.type).sort()).toEqual(['sms', 'whatsapp']);
    const inactive = await api.rows('/channel?active=is.false');
    expect(inactive).toHaveLength(2);
  });

  it('searches contacts with or=(...ilike...), case-insensitively and across umlauts', async () => {
    const rows = await api.rows<Record<string, string | null>>(
      '/contact?select=id,full_name,email,whatsapp&or=(full_name.ilike.*anna*,email.ilike.*anna*,whatsapp.ilike.*anna*)',
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((row) => row.id)).toContain(SEED.contacts.withPhone);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['email', 'full_name', 'id', 'whatsapp']);
      expect(`${row.full_name} ${row.email} ${row.whatsapp}`.toLowerCase()).toContain('anna');
    }
    const umlaut = await api.rows<{ full_name: string }>(
      `/contact?or=(full_name.ilike.*${encodeURIComponent('müller')}*)`,
    );
    expect(umlaut.length).toBeGreaterThan(0);
    for (const row of umlaut) expect(row.full_name.toLowerCase()).toContain('müller');
  });

  it('orders ascending and descending', async () => {
    const ascending = await api.rows<{ full_name: string }>(
      '/contact?select=full_name&order=full_name.asc&limit=10',
    );
    const descending = await api.rows<{ full_name: string }>(
      '/contact?select=full_name&order=full_name.desc&limit=10',
    );
    expect(ascending[0]?.full_name).not.toBe(descending[0]?.full_name);
    const names = ascending.map((row) => row.full_name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('caps limit at 50 without complaint and pages with offset', async () => {
    const response = await api.get('/contact?limit=500');
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(50);
    expect(response.headers.get('content-range')).toBe('0-49/*');
    const first = await api.rows<{ id: string }>('/contact?select=id&order=full_name.asc&limit=20');
    const second = await api.rows<{ id: string }>(
      '/contact?select=id&order=full_name.asc&limit=20&offset=20',
    );
    expect(first).toHaveLength(20);
    expect(second.filter((row) => first.some((other) => other.id === row.id))).toEqual([]);
  });

  it('answers the contact_details alias like contact', async () => {
    const rows = await api.rows(
      `/contact_details?id=eq.${SEED.contacts.postal}&select=full_name,city,email`,
    );
    expect(rows).toEqual([{ full_name: 'Gisela Straßer', city: 'München', email: null }]);
  });

  it('answers one object for Accept: application/vnd.pgrst.object+json', async () => {
    const accept = { accept: 'application/vnd.pgrst.object+json' };
    const one = await api.get(`/conversation?id=eq.${SEED.conversations.recent.id}`, accept);
    expect(one.headers.get('content-type')).toBe('application/vnd.pgrst.object+json');
    expect(await one.json()).toMatchObject({
      id: SEED.conversations.recent.id,
      channel_type: 'whatsapp',
    });
    await expectError(await api.get('/channel', accept), 406, 'PGRST116');
  });

  it('answers 42703 for unknown columns and 22P02 for a bad uuid', async () => {
    const unknownFilter = await expectError(await api.get('/contact?nickname=eq.x'), 400, '42703');
    expect(unknownFilter.message).toBe('column contact.nickname does not exist');
    await expectError(await api.get('/contact?select=id,nickname'), 400, '42703');
    await expectError(await api.get('/channel?order=nickname.asc'), 400, '42703');
    await expectError(await api.get('/channel?id=eq.not-a-uuid'), 400, '22P02');
    await expectError(await api.get('/message?id=in.(12345)'), 400, '22P02');
  });
});

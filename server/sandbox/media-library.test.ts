import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SendMessageResponseSchema } from '../../schemas/send-message';
import { isMediaPath, MEDIA_MAX_BYTES, SIGNED_URL_TTL_MS } from './media-library';
import { SEED } from './seed';
import { useTestSandbox } from './test-client';

let clock = new Date();

const sandbox = useTestSandbox({ now: () => clock });
const { api } = sandbox;

const APP_ORIGIN = 'http://127.0.0.1:5173';

async function sign(path: string): Promise<string> {
  const response = await api.post(`/storage/upload/sign/media_library/${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
}

describe('media library', () => {
  it('signs, uploads from another origin and serves the file back', async () => {
    const url = await sign('angebote/2026/kostenvoranschlag_v2.pdf');
    expect(url).toMatch(
      new RegExp(
        `^${sandbox.server.origin}/storage/v1/upload/media_library/angebote/2026/kostenvoranschlag_v2\\.pdf\\?token=`,
      ),
    );

    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: APP_ORIGIN,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'content-type',
    );

    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x00, 0xff]);
    const upload = await fetch(url, {
      method: 'PUT',
      headers: { origin: APP_ORIGIN, 'content-type': 'application/pdf' },
      body: bytes,
    });
    expect(upload.status).toBe(200);
    expect(upload.headers.get('access-control-allow-origin')).toBe('*');

    const download = await fetch(
      `${sandbox.server.origin}/storage/v1/object/media_library/angebote/2026/kostenvoranschlag_v2.pdf`,
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);

    const response = await api.send({
      from: SEED.channels.email,
      to: [{ contact_id: SEED.contacts.withPhone }],
      text: 'Anbei der Kostenvoranschlag.',
      attachments: [
        'media_library://angebote/2026/kostenvoranschlag_v2.pdf',
        'https://example.com/agb.pdf',
      ],
    });
    expect(response.status).toBe(200);
    expect(SendMessageResponseSchema.parse(await response.json()).message.attachment_count).toBe(2);
  });

  it('refuses a wrong, reused-for-another-path or expired token', async () => {
    const url = await sign('bild.png');
    const put = (target: string) =>
      fetch(target, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: 'png' });
    const wrong = await put(url.replace(/token=.*/, 'token=abc'));
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ code: 'invalid_signature', statusCode: 403 });
    expect(wrong.headers.get('access-control-allow-origin')).toBe('*');
    expect((await put(url.replace('bild.png', 'anderes.png'))).status).toBe(403);
    clock = new Date(clock.getTime() + SIGNED_URL_TTL_MS + 1000);
    const expired = await put(url);
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ code: 'signature_expired' });
  });

  it('refuses paths that could leave the library', async () => {
    for (const path of ['..', 'a/../b', 'a//b', '.', 'with space.png', 'ümlaut.png', 'a%2Fb', '']) {
      expect(isMediaPath(path), path).toBe(false);
    }
    expect(isMediaPath('kunden/4711/foto-01.JPG')).toBe(true);
    // fetch() resolves dot segments itself, so this request goes over a raw connection; the
    // server resolves them too, which must leave the media library route, not sign a file.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port: sandbox.server.port,
          method: 'POST',
          path: '/api/v1/storage/upload/sign/media_library/../../../channel',
          headers: { authorization: 'Bearer test' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(404);
    expect((await api.post('/storage/upload/sign/media_library/with%20space.png')).status).toBe(
      400,
    );
  });

  it('answers 413 for a file over 25 MiB', async () => {
    const url = await sign('gross.bin');
    const response = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(MEDIA_MAX_BYTES + 1),
    });
    expect(response.status).toBe(413);
    expect(
      (await fetch(`${sandbox.server.origin}/storage/v1/object/media_library/gross.bin`)).status,
    ).toBe(404);
  });
});

import { spawnSync } from 'node:child_process';
import { SEED } from '../server/sandbox/seed';
import { splitSmsSegments } from '../src/lib/sms-segments';
import { axeViolations } from './axe';
import { expect, sandboxGet, searchAndPick, test } from './fixtures';
import { E2E_PORT } from './ports';
import {
  addRecipient,
  exact,
  expectLockedFrame,
  frameDocument,
  pickChannel,
  previewRegion,
  requestWhen,
  shownRequest,
} from './preview-page';

/**
 * The live preview beside the form (a region named "Preview") and the request inspector (a
 * group named "Request"): what they show must be what the request says, for every channel type,
 * and the copied commands must send that very body. Hostile email bodies: preview-hostile.spec.ts.
 */

const ORIGIN = `http://127.0.0.1:${E2E_PORT}`;

// A German browser whose user chose English in the header.
test.use({ timezoneId: 'Europe/Berlin', locale: 'de-DE', language: 'en' });

test('email: sender, recipients, subject and a bcc count; HTML in a locked frame, plain text in the other tab', async ({
  page,
}) => {
  await pickChannel(page, SEED.channels.email);
  await addRecipient(page, 'To', 'kunde@example.de');
  await addRecipient(page, 'Cc', 'lisa@example.com');
  await addRecipient(page, 'Bcc', 'archiv@autohaus-mueller.de');
  await page.getByLabel('Subject').fill('Ihr Angebot');
  await page.getByRole('textbox', { name: 'Message', ...exact }).click();
  await page.keyboard.type('Guten Tag, hier ist das Angebot.');

  // The plain text follows the HTML when typing pauses: wait for both.
  const request = await requestWhen(
    page,
    (r) =>
      r.subject === 'Ihr Angebot' &&
      Boolean(r.html?.includes('Angebot.')) &&
      Boolean(r.text?.includes('Angebot.')),
  );
  const email = previewRegion(page).getByRole('group', { name: 'Email preview', ...exact });
  await expect(email).toContainText('Autohaus Müller Service <support@autohaus-mueller.de>');
  await expect(email).toContainText('kunde@example.de');
  await expect(email).toContainText('lisa@example.com');
  await expect(email).toContainText('bcc: 1 hidden');
  await expect(email).not.toContainText('archiv@autohaus-mueller.de');
  await expect(email.getByText(request.subject!, exact)).toBeVisible();

  const frame = email.getByTitle('Email preview', exact);
  await expectLockedFrame(frame);
  await expect.poll(async () => (await frameDocument(frame)).body).toBe(request.html);

  // Tabs by keyboard: arrows move between the HTML and the plain-text part.
  const htmlTab = email.getByRole('tab', { name: 'HTML', ...exact });
  const textTab = email.getByRole('tab', { name: 'Plain text', ...exact });
  await expect(htmlTab).toHaveAttribute('aria-selected', 'true');
  await htmlTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(textTab).toBeFocused();
  await expect(textTab).toHaveAttribute('aria-selected', 'true');
  await expect(email.getByRole('tabpanel')).toHaveText(request.text!);
  await page.keyboard.press('ArrowLeft');
  await expect(htmlTab).toBeFocused();
  await expect(frame).toBeVisible();
});

test('email: the locked frame is there, hidden, before the message has any HTML, and is not made anew by the first characters', async ({
  page,
}) => {
  // Every height the HTML tab's panel has, frame by frame, from its first appearance.
  await page.addInitScript(() => {
    const heights = new Set<number>();
    (window as unknown as { panelHeights: Set<number> }).panelHeights = heights;
    const look = () => {
      const panel = document.querySelector('[role="tabpanel"]');
      if (panel) heights.add(Math.round(panel.getBoundingClientRect().height));
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await pickChannel(page, SEED.channels.email);
  const email = previewRegion(page).getByRole('group', { name: 'Email preview', ...exact });
  await expect(email.getByRole('tabpanel')).toHaveText(
    'No HTML part: mail programs show the plain text.',
  );
  const frame = email.locator('iframe[sandbox]');
  // Out of sight and out of reach (transparent, inert), but laid out where it will show.
  const holder = frame.locator('xpath=..');
  await expect(holder).toHaveCSS('opacity', '0');
  await expect(holder).toHaveJSProperty('inert', true);
  const panel = email.getByRole('tabpanel');
  const placeInPanel = async () => {
    const [box, within] = [await frame.boundingBox(), await panel.boundingBox()];
    return box && within && { ...box, x: box.x - within.x, y: box.y - within.y };
  };
  const place = await placeInPanel();
  expect(place?.height).toBeGreaterThan(300);
  await expectLockedFrame(frame);
  // Its first document is loaded already.
  const inner = await (await frame.elementHandle())?.contentFrame();
  await expect.poll(() => inner?.url()).toBe('about:srcdoc');
  // The same element shows the HTML once typed: no frame was made for it.
  await frame.evaluate((element) => ((element as HTMLIFrameElement & { made?: true }).made = true));

  await page.getByRole('textbox', { name: 'Message', ...exact }).click();
  await page.keyboard.type('Guten Tag');
  await expect(holder).toHaveCSS('opacity', '1');
  await expect(holder).toHaveJSProperty('inert', false);
  await expect(email.getByRole('tabpanel')).not.toContainText('No HTML part');
  // Shown where it was: not resized or moved by the HTML's arrival, and the panel kept one
  // height throughout (its place was kept before the frame was made, too).
  expect(await placeInPanel()).toEqual(place);
  expect(
    await page.evaluate(() => [
      ...(window as unknown as { panelHeights: Set<number> }).panelHeights,
    ]),
  ).toHaveLength(1);
  await expect.poll(async () => (await frameDocument(frame)).body).toBe('<p>Guten Tag</p>');
  expect(await frame.evaluate((element) => (element as { made?: true }).made)).toBe(true);
  await expect(frame).toHaveCount(1);
});

test('sms: one bubble per segment as the carrier cuts it, with the count and the encoding', async ({
  page,
}) => {
  await pickChannel(page, SEED.channels.sms);
  await addRecipient(page, 'To', '+49 151 23456789');
  const message = page.getByRole('textbox', { name: 'Message', ...exact });
  const sms = previewRegion(page).getByRole('group', { name: 'SMS preview', ...exact });
  const segments = sms.getByRole('list', { name: 'SMS segments' }).getByRole('listitem');

  for (const [text, encoding] of [
    ['Ihr Fahrzeug ist fertig. '.repeat(8).trim(), 'GSM-7'],
    [`${'Ihr Fahrzeug ist fertig. '.repeat(4)}😀`, 'UCS-2'],
  ] as const) {
    await message.fill(text);
    const request = await requestWhen(page, (r) => r.text === text);
    const expected = splitSmsSegments(request.text!);
    expect(expected.length).toBeGreaterThan(1);
    await expect(sms).toContainText(`${expected.length} segments, ${encoding}`);
    await expect(segments).toHaveCount(expected.length);
    for (const [index, part] of expected.entries()) {
      const item = segments.nth(index);
      await expect(item).toContainText(`Segment ${index + 1} of ${expected.length}`);
      await expect(item.getByRole('paragraph')).toHaveText(part, { useInnerText: true });
    }
  }
});

test('whatsapp: formatting, footer and three quick replies exactly as in the request', async ({
  page,
}) => {
  await pickChannel(page, SEED.channels.whatsapp);
  await addRecipient(page, 'To', '+49 151 23456789');
  await page
    .getByRole('textbox', { name: 'Message', ...exact })
    .fill('Passt Ihnen der Termin am *Dienstag*?\n- Vormittag\n- _Nachmittag_');
  for (const [i, title] of ['Ja', 'Nein', 'Anderer Termin'].entries()) {
    await page.getByRole('button', { name: 'Add quick reply', ...exact }).click();
    await page.getByLabel(`Button ${i + 1} title`).fill(title);
  }
  await page.getByLabel('Footer').fill('Autohaus Müller · Mo–Fr 8–18 Uhr');

  const request = await requestWhen(
    page,
    (r) => r.actions?.length === 3 && r.actions[2]?.text === 'Anderer Termin' && Boolean(r.footer),
  );
  const chat = previewRegion(page).getByRole('group', { name: 'WhatsApp preview', ...exact });
  const replies = chat.getByRole('list', { name: 'Quick replies' }).getByRole('button');
  await expect(replies).toHaveText(request.actions!.map((action) => action.text));
  await expect(chat.getByText('3 quick replies', exact)).toBeVisible();
  await expect(chat).toContainText(request.footer!);
  await expect(chat.getByRole('strong')).toHaveText('Dienstag');
  await expect(chat.getByRole('emphasis')).toHaveText('Nachmittag');
  await expect(chat).not.toContainText('*Dienstag*');
  await expect(chat.getByRole('listitem').filter({ hasText: 'Vormittag' })).toHaveText('Vormittag');
});

test('whatsapp: a list opens its rows from a "Choose" button', async ({ page }) => {
  await pickChannel(page, SEED.channels.whatsapp);
  await addRecipient(page, 'To', '+49 151 23456789');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Welche Leistung?');
  for (const [i, [title, description]] of [
    ['Inspektion', 'Jährlicher Service'],
    ['Reifenwechsel', ''],
  ].entries()) {
    await page.getByRole('button', { name: 'Add list row', ...exact }).click();
    await page.getByLabel(`Button ${i + 1} title`).fill(title!);
    if (description)
      await page.getByLabel(`Button ${i + 1} description (optional)`).fill(description);
  }
  const request = await requestWhen(page, (r) => r.actions?.[1]?.text === 'Reifenwechsel');
  const chat = previewRegion(page).getByRole('group', { name: 'WhatsApp preview', ...exact });
  await expect(chat.getByText('List with 2 rows', exact)).toBeVisible();
  const choose = chat.getByRole('button', { name: 'Choose', ...exact });
  await expect(choose).toHaveAttribute('aria-expanded', 'false');
  const rows = chat.getByRole('list', { name: 'List rows' }).getByRole('listitem');
  await expect(rows.first()).toBeHidden();
  await choose.click();
  await expect(choose).toHaveAttribute('aria-expanded', 'true');
  await expect(rows).toHaveText(
    request.actions!.map((action) => `${action.text}${action.data ?? ''}`),
  );
  await choose.press('Enter');
  await expect(rows.first()).toBeHidden();
});

test('whatsapp: a call-to-action button shows its icon, label and target', async ({ page }) => {
  await pickChannel(page, SEED.channels.whatsapp);
  await addRecipient(page, 'To', '+49 151 23456789');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Rufen Sie uns an.');
  await page.getByRole('button', { name: 'Add call button', ...exact }).click();
  await page.getByLabel('Button 1 title').fill('Anrufen');
  await page.getByLabel('Button 1 phone number').fill('030 901820');
  const request = await requestWhen(page, (r) => r.actions?.[0]?.data === '+4930901820');
  const chat = previewRegion(page).getByRole('group', { name: 'WhatsApp preview', ...exact });
  const buttons = chat.getByRole('list', { name: 'Call-to-action buttons' }).getByRole('button');
  await expect(buttons).toHaveText([request.actions![0]!.text]);
  await expect(buttons.locator('svg')).toHaveCount(1);
  await expect(chat.getByText(`Calls ${request.actions![0]!.data}`, exact)).toBeVisible();
});

test('whatsapp: a template shows its filled text', async ({ page }) => {
  await pickChannel(page, SEED.channels.whatsapp);
  await addRecipient(page, 'To', '+49 151 23456789');
  await page
    .getByRole('combobox', { name: 'Template', ...exact })
    .selectOption(SEED.templates.appointment);
  await page.getByLabel('Placeholder {{1}}').fill('Frau Schmidt');
  await page.getByLabel('Placeholder {{2}}').fill('Dienstag, 10:00 Uhr');
  await requestWhen(page, (r) => r.placeholder_values?.[1] === 'Dienstag, 10:00 Uhr');
  const chat = previewRegion(page).getByRole('group', { name: 'WhatsApp preview', ...exact });
  await expect(chat).toContainText(
    'Hallo Frau Schmidt, Ihr Termin ist am Dienstag, 10:00 Uhr. Wir freuen uns auf Sie im Autohaus Müller!',
  );
});

for (const [type, label, handle] of [
  ['facebook', 'Facebook Messenger', '9988776655'],
  ['instagram', 'Instagram', 'neue.kundin'],
] as const) {
  test(`${type}: the text and its quick replies`, async ({ page }) => {
    await pickChannel(page, SEED.channels[type]);
    await addRecipient(page, 'To', handle);
    await page
      .getByRole('textbox', { name: 'Message', ...exact })
      .fill('Danke für Ihre Nachricht!\nWie können wir helfen?');
    for (const [i, title] of ['Termin', 'Preise'].entries()) {
      await page.getByRole('button', { name: 'Add quick reply', ...exact }).click();
      await page.getByLabel(`Button ${i + 1} title`).fill(title);
    }
    const request = await requestWhen(page, (r) => r.actions?.[1]?.text === 'Preise');
    const chat = previewRegion(page).getByRole('group', { name: `${label} preview`, ...exact });
    await expect(chat.getByRole('paragraph').first()).toHaveText(request.text!, {
      useInnerText: true,
    });
    await expect(chat.getByRole('list', { name: 'Quick replies' }).getByRole('button')).toHaveText(
      request.actions!.map((action) => action.text),
    );
  });
}

test('google business messages: the text in a bubble', async ({ page }) => {
  await pickChannel(page, SEED.channels.google_business_messaging);
  await addRecipient(page, 'To', 'gbm-kunde-42');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Hallo!');
  const request = await requestWhen(page, (r) => r.text === 'Hallo!');
  const chat = previewRegion(page).getByRole('group', {
    name: 'Google Business Messages preview',
    ...exact,
  });
  await expect(chat.getByText(request.text!, exact)).toBeVisible();
});

test('postal: a letter addressed to the contact by name, its HTML in a locked frame', async ({
  page,
}) => {
  await pickChannel(page, SEED.channels.postal);
  await searchAndPick(page, 'Straßer', /Gisela Straßer/);
  await page.getByRole('textbox', { name: 'Message', ...exact }).click();
  await page.keyboard.type('Sehr geehrte Frau Straßer, anbei Ihre Rechnung.');
  const request = await requestWhen(page, (r) => Boolean(r.html?.includes('Rechnung.')));
  expect(request.to).toEqual([{ contact_id: SEED.contacts.postal, full_name: 'Gisela Straßer' }]);
  const letter = previewRegion(page).getByRole('group', {
    name: 'Postal letter preview',
    ...exact,
  });
  await expect(letter.getByRole('list', { name: 'Letter recipients' })).toHaveText(
    'Gisela Straßer',
  );
  const frame = letter.getByTitle('Letter preview', exact);
  await expectLockedFrame(frame);
  await expect.poll(async () => (await frameDocument(frame)).body).toBe(request.html);
});

test('inspector: issues by path, and the copied cURL and fetch commands send this very body', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await pickChannel(page, SEED.channels.whatsapp);
  await addRecipient(page, 'To', '+49 151 23456789');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill("Kosten: $HOME `date` 'x'");

  // The form passes the raw reply id on; the contract refuses it, and the inspector says where.
  await page.getByLabel('Reply to message id').fill('keine-uuid');
  const inspector = page.getByRole('group', { name: 'Request', ...exact });
  await shownRequest(page);
  await expect(inspector).toContainText('1 issue');
  await expect(inspector.getByRole('list', { name: 'Contract issues' })).toContainText(
    'reply_to_message_id: Must be a UUID',
  );
  await page.getByLabel('Reply to message id').fill('');
  await expect(inspector).toContainText('passes the contract');

  const request = await requestWhen(page, (r) => r.text?.startsWith('Kosten') === true);
  const status = page.getByRole('status').filter({ hasText: /^Copied as / });

  await inspector.getByRole('button', { name: 'Copy as cURL', ...exact }).click();
  await expect(status).toHaveText('Copied as cURL');
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl.split('\n')[0]).toBe(`curl -sS -X POST "${ORIGIN}/api/send_message" \\`);
  expect(curl).toContain('-H "Authorization: Bearer $MATEO_API_KEY"');
  expect(curl).toContain(`<<'JSON'\n${JSON.stringify(request, null, 2)}\nJSON`);

  await inspector.getByRole('button', { name: 'Copy as fetch', ...exact }).click();
  await expect(status).toHaveText('Copied as fetch');
  const fetchCode = await page.evaluate(() => navigator.clipboard.readText());
  expect(fetchCode).toContain(`fetch("${ORIGIN}/api/send_message"`);
  expect(fetchCode).toContain('process.env.MATEO_API_KEY');

  // Both run as they are: cURL stores the message, fetch then meets the same id (409).
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', MATEO_API_KEY: 'not-a-real-key' };
  // curl is a test dependency (.ci/run installs it where it is missing).
  expect(spawnSync('curl', ['--version']).status, 'curl must be installed').toBe(0);
  const curlRun = spawnSync('bash', ['--noprofile', '--norc', '-c', curl], {
    env,
    encoding: 'utf8',
  });
  expect(curlRun.status, curlRun.stderr).toBe(0);
  expect((JSON.parse(curlRun.stdout) as { message: { id: string } }).message.id).toBe(request.id);
  const [stored] = await sandboxGet<{ raw_content: string }[]>(
    `/message?id=eq.${request.id}&select=raw_content`,
  );
  expect(stored?.raw_content).toBe(request.text);

  const nodeRun = spawnSync(process.execPath, ['--input-type=module', '-e', fetchCode], {
    env,
    encoding: 'utf8',
  });
  expect(nodeRun.status, nodeRun.stderr).toBe(0);
  expect(nodeRun.stdout).toMatch(/^409 .*23505/);
});

test('inspector: the body it shows is the body Send posts, and what the sandbox stores', async ({
  page,
}) => {
  await pickChannel(page, SEED.channels.whatsapp);
  await addRecipient(page, 'To', '+49 151 23456789');
  await searchAndPick(page, 'Müller-Lü', /Jürgen Müller-Lüdenscheidt/);
  await page
    .getByRole('textbox', { name: 'Message', ...exact })
    .fill('Passt Ihnen der Termin am *Dienstag*?');
  for (const [i, title] of ['Ja', 'Nein'].entries()) {
    await page.getByRole('button', { name: 'Add quick reply', ...exact }).click();
    await page.getByLabel(`Button ${i + 1} title`).fill(title);
  }
  await page.getByLabel('Footer').fill('Autohaus Müller');
  await page.getByLabel('Conversation status after sending').selectOption('closed');
  const shown = await requestWhen(
    page,
    (r) =>
      r.actions?.length === 2 && r.actions[1]?.text === 'Nein' && r.footer === 'Autohaus Müller',
  );
  await expect(page.getByRole('group', { name: 'Request', ...exact })).toContainText(
    'passes the contract',
  );

  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  const response = await answer;
  expect(response.status()).toBe(200);
  expect(response.request().postDataJSON()).toEqual(shown);

  const id = shown.id!;
  const [message] = await sandboxGet<
    { raw_content: string; footer: string | null; conversation_id: string }[]
  >(`/message?id=eq.${id}`);
  expect(message?.raw_content).toBe(shown.text);
  expect(message?.footer).toBe(shown.footer);
  const recipients = await sandboxGet<{ role: string; handle: string }[]>(
    `/recipient?message_id=eq.${id}&role=eq.to&order=handle.asc`,
  );
  expect(recipients.map((r) => r.handle)).toEqual(shown.to!.map((r) => r.handle).sort());
  // The sandbox keeps the buttons as rows without an order of their own.
  const actions = await sandboxGet<{ type: string; text: string }[]>(
    `/message_action?message_id=eq.${id}&order=text.asc`,
  );
  expect(actions.map(({ type, text }) => `${type} ${text}`)).toEqual(
    shown.actions!.map(({ type, text }) => `${type} ${text}`).sort(),
  );
  const [conversation] = await sandboxGet<{ status: string }[]>(
    `/conversation?id=eq.${message!.conversation_id}`,
  );
  expect(conversation?.status).toBe(shown.conversation_status);
});

test('inspector: the last answer with its status and rate-limit headers', async ({ page }) => {
  await pickChannel(page, SEED.channels.whatsapp);
  await addRecipient(page, 'To', '+49 151 23456789');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Ihr Fahrzeug ist fertig.');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  const response = await answer;
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { message: { id: string } };

  const last = page.getByRole('group', { name: 'Last answer', ...exact });
  await last.getByText('Last answer', exact).click();
  await expect(last).toContainText('200');
  await expect(last.getByRole('row', { name: /^ratelimit-limit/ })).toBeVisible();
  await expect(last.getByRole('row', { name: /^content-type / })).toBeVisible();
  await expect(last.getByLabel('Answer body', exact)).toContainText(body.message.id);
});

test('axe finds no violations in filled previews and the open inspector', async ({ page }) => {
  await pickChannel(page, SEED.channels.whatsapp);
  await addRecipient(page, 'To', '+49 151 23456789');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Welche *Leistung*?');
  await page.getByRole('button', { name: 'Add list row', ...exact }).click();
  await page.getByLabel('Button 1 title').fill('Inspektion');
  await page.getByLabel('Footer').fill('Autohaus Müller');
  await requestWhen(page, (r) => r.actions?.[0]?.text === 'Inspektion');
  await previewRegion(page)
    .getByRole('button', { name: 'Choose', ...exact })
    .click();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('From').selectOption(SEED.channels.sms);
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('x'.repeat(400));
  await expect(previewRegion(page).getByText('Segment 3 of 3', exact)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('From').selectOption(SEED.channels.email);
  await page.getByRole('textbox', { name: 'Message', ...exact }).click();
  await page.keyboard.type('Guten Tag');
  await previewRegion(page)
    .getByRole('tab', { name: 'Plain text', ...exact })
    .click();
  expect(await axeViolations(page)).toEqual([]);
});

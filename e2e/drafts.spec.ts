import type { BrowserContext, Page } from '@playwright/test';
import { SEED } from '../server/sandbox/seed';
import { expect, sandboxGet, test } from './fixtures';

const exact = { exact: true } as const;

test('a draft touching every field comes back after the page is closed; two drafts stay apart', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('From').selectOption(SEED.channels.email);
  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('kunde@example.de');
  await to.press('Enter');
  await to.fill('kaputt@');
  await to.press('Enter');
  await page.getByRole('combobox', { name: 'Cc', ...exact }).fill('cc@example.de');
  await page.getByRole('combobox', { name: 'Cc', ...exact }).press('Enter');
  await page.getByRole('combobox', { name: 'Bcc', ...exact }).fill('bcc@example.de');
  await page.getByRole('combobox', { name: 'Bcc', ...exact }).press('Enter');
  await page.getByLabel('Subject').fill('Angebot für Ihren Golf');
  await page.getByRole('textbox', { name: 'Message', ...exact }).click();
  await page.getByRole('button', { name: 'Bold', ...exact }).click();
  await page.keyboard.type('Guten Tag');
  // The plain text made from it, then edited by hand.
  await expect(page.getByLabel('Plain text')).toHaveValue('Guten Tag');
  await page.getByLabel('Plain text').fill('Guten Tag (Textfassung)');
  await page.getByLabel('Attachment URL').fill('https://example.de/angebot.pdf');
  await page.getByRole('button', { name: 'Add link', ...exact }).click();
  await page
    .getByRole('combobox', { name: 'Template', ...exact })
    .selectOption(SEED.templates.invoiceEmail);
  await page.getByLabel('Placeholder {{vorname}}').fill('Anna');
  await page.getByLabel('Send later').check();
  await page.getByLabel('Date').fill('2030-05-06');
  await page.getByLabel('Time', exact).fill('09:30');
  await page.getByLabel('Reply to message id').fill(SEED.conversations.email.inboundMessageId);
  await page.getByLabel('Conversation status after sending').selectOption('archived');
  await page.getByText('Advanced').click();
  await page.getByLabel('Content (JSON)').fill('{"note": "intern"}');
  await expect(page.getByText(/^Draft saved/)).toBeVisible();
  await page.waitForTimeout(800);
  await page.close();

  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByLabel('From')).toHaveValue(SEED.channels.email);
  const chips = again.getByRole('list', { name: 'To recipients', ...exact });
  await expect(chips).toContainText('kunde@example.de');
  await expect(again.getByRole('list', { name: 'Invalid To recipients' })).toContainText('kaputt@');
  await expect(again.getByRole('list', { name: 'Cc recipients', ...exact })).toContainText(
    'cc@example.de',
  );
  await expect(again.getByRole('list', { name: 'Bcc recipients', ...exact })).toContainText(
    'bcc@example.de',
  );
  await expect(again.getByLabel('Subject')).toHaveValue('Angebot für Ihren Golf');
  await expect(
    again.getByRole('textbox', { name: 'Message', ...exact }).locator('strong'),
  ).toHaveText('Guten Tag');
  await expect(again.getByLabel('Plain text')).toHaveValue('Guten Tag (Textfassung)');
  await expect(again.getByRole('list', { name: 'Attachments' })).toContainText('angebot.pdf');
  await expect(again.getByRole('combobox', { name: 'Template', ...exact })).toHaveValue(
    SEED.templates.invoiceEmail,
  );
  await expect(again.getByLabel('Placeholder {{vorname}}')).toHaveValue('Anna');
  await expect(again.getByLabel('Send later')).toBeChecked();
  await expect(again.getByLabel('Date')).toHaveValue('2030-05-06');
  await expect(again.getByLabel('Time', exact)).toHaveValue('09:30');
  await expect(again.getByLabel('Reply to message id')).toHaveValue(
    SEED.conversations.email.inboundMessageId,
  );
  await expect(again.getByLabel('Conversation status after sending')).toHaveValue('archived');
  await expect(again.getByLabel('Content (JSON)')).toHaveValue('{"note": "intern"}');

  // A second draft, then back to the first: they stay apart.
  const firstDraft = await again.getByLabel('Draft', exact).inputValue();
  await again.getByRole('button', { name: 'New draft', ...exact }).click();
  await expect(again.getByLabel('Subject')).toHaveValue('');
  await again.getByLabel('Subject').fill('Zweiter Entwurf');
  await expect(again.getByText(/^Draft saved/)).toBeVisible();
  await again.getByLabel('Draft', exact).selectOption(firstDraft);
  await expect(again.getByLabel('Subject')).toHaveValue('Angebot für Ihren Golf');
  await expect(again.getByLabel('Draft', exact).locator('option')).toHaveCount(2);
  const second = await again
    .getByLabel('Draft', exact)
    .locator('option')
    .filter({ hasText: 'Zweiter Entwurf' })
    .getAttribute('value');
  await again.getByLabel('Draft', exact).selectOption(second!);
  await expect(again.getByLabel('Subject')).toHaveValue('Zweiter Entwurf');
  await expect(again.getByRole('combobox', { name: 'To', ...exact })).toHaveAttribute(
    'aria-describedby',
    /recipients-to-status/,
  );
  await expect(again.locator('#recipients-to-status')).toHaveText('');
});

test('a WhatsApp draft with buttons and a footer comes back after the page is closed, buttons in order', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('From').selectOption(SEED.channels.whatsapp);
  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('+49 151 23456789');
  await to.press('Enter');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Passt Ihnen der Termin?');
  for (const [i, title] of ['Ja', 'Nein', 'Anderer Termin'].entries()) {
    await page.getByRole('button', { name: 'Add quick reply', ...exact }).click();
    await page.getByLabel(`Button ${i + 1} title`).fill(title);
  }
  // Reordered, so that the order coming back is the one chosen, not the order of adding.
  await page.getByRole('button', { name: 'Move button 3 up' }).click();
  await page.getByLabel('Footer').fill('Autohaus Müller · Mo–Fr 8–18 Uhr');

  // A second draft with a call button: its number is kept beside its title.
  await page.getByRole('button', { name: 'New draft', ...exact }).click();
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Rufen Sie uns an.');
  await page.getByRole('button', { name: 'Add call button', ...exact }).click();
  await page.getByLabel('Button 1 title').fill('Anrufen');
  await page.getByLabel('Button 1 phone number').fill('030 901820');
  await page.getByLabel('Footer').fill('Werkstatt');
  const options = page.getByLabel('Draft', exact).locator('option');
  await expect(options.filter({ hasText: 'Rufen Sie uns an.' })).toHaveCount(1);
  await page.close();

  const again = await context.newPage();
  await again.goto('/');
  // The draft touched last comes back first.
  await expect(again.getByLabel('From')).toHaveValue(SEED.channels.whatsapp);
  await expect(again.getByRole('textbox', { name: 'Message', ...exact })).toHaveValue(
    'Rufen Sie uns an.',
  );
  const buttons = again.getByRole('list', { name: 'Buttons', ...exact }).getByRole('listitem');
  await expect(buttons).toHaveCount(1);
  await expect(buttons).toContainText('1. Call button');
  await expect(again.getByLabel('Button 1 title')).toHaveValue('Anrufen');
  await expect(again.getByLabel('Button 1 phone number')).toHaveValue('030 901820');
  await expect(again.getByLabel('Footer')).toHaveValue('Werkstatt');

  const first = await again
    .getByLabel('Draft', exact)
    .locator('option')
    .filter({ hasText: 'Passt Ihnen der Termin?' })
    .getAttribute('value');
  await again.getByLabel('Draft', exact).selectOption(first!);
  await expect(again.getByRole('textbox', { name: 'Message', ...exact })).toHaveValue(
    'Passt Ihnen der Termin?',
  );
  await expect(again.getByRole('list', { name: 'To recipients', ...exact })).toContainText(
    '+4915123456789',
  );
  await expect(buttons).toHaveCount(3);
  for (const [i, title] of ['Ja', 'Anderer Termin', 'Nein'].entries()) {
    await expect(buttons.nth(i)).toContainText(`${i + 1}. Quick reply`);
    await expect(again.getByLabel(`Button ${i + 1} title`)).toHaveValue(title);
  }
  await expect(again.getByLabel('Footer')).toHaveValue('Autohaus Müller · Mo–Fr 8–18 Uhr');
});

/**
 * Headless Chromium never hides a page (another tab brought to the front, or a minimised
 * window, leaves it `visible`), so the page is told what a browser tells it when the user
 * switches away: `visibilityState` becomes `hidden` and `visibilitychange` fires.
 */
async function hide(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/** A page with a controllable clock, on `channel`; its message field and its draft options. */
async function pageWithClock(context: BrowserContext, channel: string) {
  const page = await context.newPage();
  await page.clock.install();
  await page.goto('/');
  await page.getByLabel('From').selectOption(channel);
  const message = page.getByRole('textbox', { name: 'Message', ...exact });
  const draftOption = (text: string) =>
    page.getByLabel('Draft', exact).locator('option').filter({ hasText: text });
  return { page, message, draftOption };
}

test('what was typed just before the page was hidden is saved at once and back after closing', async ({
  context,
}) => {
  const { page, message, draftOption } = await pageWithClock(context, SEED.channels.sms);
  await message.fill('Erster Stand');
  await expect(draftOption('Erster Stand')).toHaveCount(1);

  // Time stands still from here: the debounced save never comes, only hiding the page saves.
  await page.clock.pauseAt(Date.now() + 2_000);
  await message.fill('Zweiter Stand, kurz vor dem Wechsel');
  await page.waitForTimeout(1_000);
  await expect(draftOption('Zweiter Stand')).toHaveCount(0);
  await hide(page);
  await expect(draftOption('Zweiter Stand')).toHaveCount(1);
  await page.clock.resume();
  await page.close();

  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByRole('textbox', { name: 'Message', ...exact })).toHaveValue(
    'Zweiter Stand, kurz vor dem Wechsel',
  );
});

test('what was typed in the HTML editor just before the page was hidden is in the saved draft', async ({
  context,
}) => {
  const { page, message: editor, draftOption } = await pageWithClock(context, SEED.channels.email);
  await editor.click();
  // Time and frames stand still: the editor's HTML reaches the form only when the page hides.
  await page.clock.pauseAt(Date.now() + 2_000);
  await page.keyboard.type('Kurz vor dem Wechsel');
  await page.waitForTimeout(1_000);
  await expect(page.getByLabel('Plain text')).toHaveValue('');
  await hide(page);
  // The draft's name is made from the saved text (there is no subject).
  await expect(draftOption('Kurz vor dem Wechsel')).toHaveCount(1);
  await page.clock.resume();
  await page.close();

  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByRole('textbox', { name: 'Message', ...exact })).toHaveText(
    'Kurz vor dem Wechsel',
  );
  await expect(again.getByLabel('Plain text')).toHaveValue('Kurz vor dem Wechsel');
});

test('the plain text made from the HTML is in the draft saved when the page hides, though it follows the HTML only when typing pauses', async ({
  context,
}) => {
  const { page, message: editor } = await pageWithClock(context, SEED.channels.email);
  await editor.click();
  await page.clock.pauseAt(Date.now() + 2_000);
  await page.keyboard.type('Gleich weg');
  // Two frames: the HTML reaches the form after the first; the plain text would follow 80 ms
  // after the last key, and the clock stands still before that.
  await page.clock.runFor(40);
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(null);
      }),
  );
  await expect(page.getByLabel('Plain text')).toHaveValue('');
  await hide(page);
  await expect(page.getByLabel('Plain text')).toHaveValue('Gleich weg');
  await page.clock.resume();
  await page.close();

  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByLabel('Plain text')).toHaveValue('Gleich weg');
  await expect(again.getByRole('textbox', { name: 'Message', ...exact })).toHaveText('Gleich weg');
});

test('when the browser refuses storage, the draft bar says so and nothing typed is lost', async ({
  page,
}) => {
  // What Chromium throws when site data is blocked for the page.
  const refusal =
    "Failed to execute 'open' on 'IDBFactory': access to the Indexed Database API is denied in this context.";
  await page.addInitScript((message) => {
    IDBFactory.prototype.open = () => {
      throw new DOMException(message, 'SecurityError');
    };
  }, refusal);
  await page.goto('/');
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved drafts cannot be read' }),
  ).toHaveText(`Saved drafts cannot be read (${refusal}).`);

  await page.getByLabel('From').selectOption(SEED.channels.sms);
  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('+49 151 23456789');
  await to.press('Enter');
  const message = page.getByRole('textbox', { name: 'Message', ...exact });
  await message.fill('Ihr Wagen ist fertig.');
  await expect(
    page.getByRole('status').filter({ hasText: 'Drafts cannot be saved in this browser' }),
  ).toHaveText(
    `Drafts cannot be saved in this browser (${refusal}). Your message stays on this page until you close it.`,
  );

  // A second draft, then back: the first is kept in memory, nothing typed is lost.
  await page.getByRole('button', { name: 'New draft', ...exact }).click();
  await expect(message).toHaveValue('');
  await message.fill('Zweiter Entwurf');
  const draft = page.getByLabel('Draft', exact);
  const first = await draft
    .locator('option')
    .filter({ hasText: 'Ihr Wagen ist fertig.' })
    .getAttribute('value');
  await draft.selectOption(first!);
  await expect(message).toHaveValue('Ihr Wagen ist fertig.');
  await expect(page.getByRole('list', { name: 'To recipients', ...exact })).toContainText(
    '+4915123456789',
  );

  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  expect((await answer).status()).toBe(200);
  await expect(page.getByRole('region', { name: /^Sent/ })).toContainText(first!);
  const stored = await sandboxGet<{ id: string; blurb: string }[]>(
    `/message?id=eq.${first}&select=id,blurb`,
  );
  expect(stored).toEqual([{ id: first, blurb: 'Ihr Wagen ist fertig.' }]);
  // The other draft is still there to go on with.
  await expect(draft.locator('option').filter({ hasText: 'Zweiter Entwurf' })).toHaveCount(1);
});

test('what was typed just before the page was closed is back when it opens again', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.clock.install();
  await page.goto('/');
  await page.getByLabel('From').selectOption(SEED.channels.sms);
  const message = page.getByRole('textbox', { name: 'Message', ...exact });
  await message.fill('Erster Stand');
  await expect(
    page.getByLabel('Draft', exact).locator('option').filter({ hasText: 'Erster Stand' }),
  ).toHaveCount(1);

  // No debounced save comes: closing the page is all that can keep the last words.
  await page.clock.pauseAt(Date.now() + 2_000);
  await message.fill('Zweiter Stand, kurz vor dem Schließen');
  // Closed as a person closes the tab: the page's unload events run (closing the target
  // outright, Playwright's default, may skip them), and no "leave this page?" warning comes.
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(dialogs).toEqual([]);
  await context.clock.resume();

  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByRole('textbox', { name: 'Message', ...exact })).toHaveValue(
    'Zweiter Stand, kurz vor dem Schließen',
  );
  // Once moved into the draft list, it stays there: a second visit finds it again.
  await again.reload();
  await expect(again.getByRole('textbox', { name: 'Message', ...exact })).toHaveValue(
    'Zweiter Stand, kurz vor dem Schließen',
  );
  await expect(again.getByLabel('Draft', exact).locator('option')).toHaveCount(1);
});

/** Saves an SMS draft with one recipient and a message, as a user would; returns a new page. */
async function pageAfterSavedDraft(context: BrowserContext, text: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('From').selectOption(SEED.channels.sms);
  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('+49 151 23456789');
  await to.press('Enter');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill(text);
  await expect(page.getByText(/^Draft saved/)).toBeVisible();
  await page.close();
  return context.newPage();
}

/**
 * Opens `page` and checks the composer's first draw: the latest draft (`text` in its message),
 * never an empty new one before it, and (`withChannel`) the fields of its channel in the same
 * draw.
 */
async function expectFirstDrawWithDraft(page: Page, text: string, { withChannel = true } = {}) {
  // Every state of the draft picker the page ever shows, from its first appearance, and what
  // the message box held when the picker was first drawn (null: not drawn yet).
  await page.addInitScript(() => {
    const shown: string[] = [];
    const seen = window as unknown as { draftPickerShown: string[]; firstMessage?: string | null };
    seen.draftPickerShown = shown;
    new MutationObserver(() => {
      const select = document.getElementById('draft-select') as HTMLSelectElement | null;
      const label = select?.selectedOptions[0]?.textContent;
      if (!label) return;
      if (!shown.length) {
        seen.firstMessage =
          (document.getElementById('message') as HTMLTextAreaElement | null)?.value ?? null;
      }
      if (shown.at(-1) !== label) shown.push(label);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Message', ...exact })).toHaveValue(text);
  const shown = await page.evaluate(
    () => (window as unknown as { draftPickerShown: string[] }).draftPickerShown,
  );
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.filter((label) => label === 'New draft')).toEqual([]);
  expect(shown[0]).toContain(text);
  if (!withChannel) return;
  // The channel list came with the drafts: the SMS message box is drawn in the same render.
  const firstMessage = await page.evaluate(
    () => (window as unknown as { firstMessage?: string | null }).firstMessage,
  );
  expect(firstMessage).toBe(text);
}

test('the composer opens on the latest draft: no empty new draft is drawn before it, and the fields of its channel come with it', async ({
  context,
}) => {
  const text = 'Ihr Termin am Montag';
  await expectFirstDrawWithDraft(await pageAfterSavedDraft(context, text), text);
});

/** A restored draft whose page gets the channel list `delayMs` late. */
async function draftWithLateChannels(context: BrowserContext, text: string, delayMs: number) {
  const page = await pageAfterSavedDraft(context, text);
  await page.route(/\/api\/channel\?/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    await route.continue();
  });
  return page;
}

test('the drafts are read once when the composer opens, not again as it is used', async ({
  context,
}) => {
  const page = await pageAfterSavedDraft(context, 'Einmal gelesen');
  // Every read of the whole drafts store; each one decodes every draft (all their recipients).
  await page.addInitScript(() => {
    const seen = window as unknown as { draftReads: number };
    seen.draftReads = 0;
    const getAll = IDBObjectStore.prototype.getAll;
    IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args) {
      if (this.name === 'drafts') seen.draftReads++;
      return getAll.apply(this, args);
    };
  });
  await page.goto('/');
  const message = page.getByRole('textbox', { name: 'Message', ...exact });
  await expect(message).toHaveValue('Einmal gelesen');
  // Renders of every kind after the first: typing, the preview, a save, another channel.
  await message.pressSequentially(' und gesendet');
  await expect(page.getByText(/^Draft saved/)).toBeVisible();
  await page.getByLabel('From').selectOption(SEED.channels.email);
  await expect(page.getByLabel('Subject')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { draftReads: number }).draftReads)).toBe(
    1,
  );
});

test('the channels answering a second late still come with the first draw of a restored draft', async ({
  context,
}) => {
  const text = 'Ihr Termin am Dienstag';
  await expectFirstDrawWithDraft(await draftWithLateChannels(context, text, 1_000), text);
});

test('channels that answer very late do not turn the draft read in time into an empty new one: it opens without its channel, which comes later', async ({
  context,
}) => {
  const text = 'Ihr Termin am Mittwoch';
  const page = await draftWithLateChannels(context, text, 5_000);
  await expectFirstDrawWithDraft(page, text, { withChannel: false });
});

test('storage that answers late does not hold the composer back: it opens, then the draft comes', async ({
  context,
}) => {
  const page = await pageAfterSavedDraft(context, 'Spät, aber da');
  // IndexedDB answers opening the database only after 6 s (a busy disk, another tab's upgrade);
  // the page notes when it has.
  await page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: [string, number?]) {
      const request = open.apply(this, args);
      const add = request.addEventListener.bind(request);
      request.addEventListener = ((type: string, listener: EventListener, options?: unknown) =>
        add(
          type,
          type === 'success' || type === 'error'
            ? (event: Event) =>
                setTimeout(() => {
                  (window as unknown as { storageAnswered?: boolean }).storageAnswered = true;
                  listener(event);
                }, 6000)
            : listener,
          options as AddEventListenerOptions,
        )) as typeof request.addEventListener;
      return request;
    };
  });
  await page.goto('/');
  // The composer is there before the drafts are (it waits two seconds at most)...
  await expect(page.getByLabel('Draft', exact)).toHaveValue(/.+/);
  await expect(page.getByLabel('Draft', exact).locator('option:checked')).toHaveText('New draft');
  expect(
    await page.evaluate(() => (window as unknown as { storageAnswered?: boolean }).storageAnswered),
    'the composer is shown before storage has answered',
  ).toBeUndefined();
  // ...and the saved draft comes back once storage answers.
  await expect(page.getByRole('textbox', { name: 'Message', ...exact })).toHaveValue(
    'Spät, aber da',
    { timeout: 12_000 },
  );
});

test('keys typed right after New draft land in the new draft while storage is slow to write the one left', async ({
  page,
}) => {
  // Writes to IndexedDB finish 1.5 s late once the page says so (a busy disk).
  await page.addInitScript(() => {
    const add = IDBTransaction.prototype.addEventListener;
    IDBTransaction.prototype.addEventListener = function (
      this: IDBTransaction,
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ) {
      const late =
        type === 'complete' &&
        this.mode === 'readwrite' &&
        (window as unknown as { slowWrites?: boolean }).slowWrites;
      const wrapped = late
        ? (event: Event) =>
            setTimeout(
              () =>
                typeof listener === 'function'
                  ? listener.call(this, event)
                  : listener.handleEvent(event),
              1500,
            )
        : listener;
      return add.call(this, type, wrapped, options);
    } as typeof IDBTransaction.prototype.addEventListener;
  });
  await page.goto('/');
  await page.getByLabel('From').selectOption(SEED.channels.sms);
  const message = page.getByRole('textbox', { name: 'Message', ...exact });
  await message.fill('Erster Entwurf');
  await page.evaluate(() => {
    (window as unknown as { slowWrites: boolean }).slowWrites = true;
  });
  await page.getByRole('button', { name: 'New draft', ...exact }).click();
  await message.fill('Zweiter');
  // The draft left is in the list once its write is done, and what was typed since stays.
  const options = page.getByLabel('Draft', exact).locator('option');
  await expect(options.filter({ hasText: 'Erster Entwurf' })).toHaveCount(1, { timeout: 10_000 });
  await page.waitForTimeout(500);
  await expect(message).toHaveValue('Zweiter');
});

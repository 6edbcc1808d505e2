import { SEED } from '../server/sandbox/seed';
import { expect, test } from './fixtures';

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

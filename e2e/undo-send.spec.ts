import { SEED } from '../server/sandbox/seed';
import { expect, sandboxGet, test } from './fixtures';

const exact = { exact: true } as const;

test('with an undo window, Undo within the delay means nothing is sent and the message is back in the form', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Undo window').selectOption('10');
  await page.getByLabel('From').selectOption(SEED.channels.sms);
  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('+49 151 23456789');
  await to.press('Enter');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Doch nicht senden');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  const body = (await (await answer).json()) as { message: { id: string; status: string } };
  expect(body.message.status).toBe('scheduled');
  await expect(page.getByText(/^Sending in \d+ s$/)).toBeVisible();
  await page.getByRole('button', { name: 'Undo', ...exact }).click();
  await expect(page.getByText('Not sent. Your message is back in the form.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message', ...exact })).toHaveValue(
    'Doch nicht senden',
  );
  // Well past the window: the sandbox never sent it, it no longer has it at all.
  await page.waitForTimeout(11_000);
  expect(await sandboxGet(`/message?id=eq.${body.message.id}`)).toEqual([]);
  // The choice is remembered.
  await page.reload();
  await expect(page.getByLabel('Undo window')).toHaveValue('10');
});

test('without Undo the message goes out when the window closes', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Undo window').selectOption('5');
  await page.getByLabel('From').selectOption(SEED.channels.sms);
  const to = page.getByRole('combobox', { name: 'To', ...exact });
  await to.fill('+49 151 23456789');
  await to.press('Enter');
  await page.getByRole('textbox', { name: 'Message', ...exact }).fill('Bitte senden');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/send_message'));
  await page.getByRole('button', { name: 'Send', ...exact }).click();
  const body = (await (await answer).json()) as { message: { id: string } };
  // The history shows it scheduled, then sent when its time comes (status refresh).
  const row = page
    .getByRole('list', { name: 'Sent and scheduled messages' })
    .getByRole('listitem')
    .first();
  await expect(row.getByText('scheduled', exact)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo', ...exact })).toBeHidden({
    timeout: 10_000,
  });
  await expect(row.getByText('sent', exact)).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(
      async () =>
        (
          await sandboxGet<{ status: string }[]>(`/message?id=eq.${body.message.id}&select=status`)
        )[0]?.status,
      {
        timeout: 15_000,
      },
    )
    .toBe('sent');
});

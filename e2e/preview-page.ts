import type { Locator, Page } from '@playwright/test';
import type { SendMessageRequest } from '../schemas/send-message';
import { expect } from './fixtures';

/**
 * How the preview specs reach the page: the preview is a region named "Preview"; the request
 * inspector is a group named "Request" whose body is labelled "Request body".
 */

export const exact = { exact: true } as const;

export function previewRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Preview', exact: true });
}

export async function pickChannel(page: Page, channelId: string) {
  await page.goto('/');
  await page.getByLabel('From').selectOption(channelId);
}

export async function addRecipient(page: Page, field: 'To' | 'Cc' | 'Bcc', value: string) {
  const input = page.getByRole('combobox', { name: field, ...exact });
  await input.fill(value);
  await input.press('Enter');
}

/** The request body the inspector shows (the section is opened when closed). */
export async function shownRequest(page: Page): Promise<SendMessageRequest> {
  const body = page.getByLabel('Request body', exact);
  const section = page.getByRole('group', { name: 'Request', ...exact });
  // Opened by its own state, not by whether the body shows yet: a second click while the first
  // one's render is pending would close it again.
  if (!(await section.evaluate((details) => (details as HTMLDetailsElement).open))) {
    await section.getByText('Request', exact).click();
  }
  await body.waitFor();
  return JSON.parse((await body.textContent()) ?? '') as SendMessageRequest;
}

/** Waits until the shown request satisfies `ready`; the preview follows a deferred value. */
export async function requestWhen(
  page: Page,
  ready: (request: SendMessageRequest) => boolean,
): Promise<SendMessageRequest> {
  await expect.poll(async () => ready(await shownRequest(page)), { timeout: 10_000 }).toBe(true);
  return shownRequest(page);
}

/** Head and body markup of a frame's srcdoc, as the frame parses it. */
export async function frameDocument(
  frame: Locator,
): Promise<{ head: string; body: string; text: string }> {
  const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
  return frame.page().evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    return { head: doc.head.innerHTML, body: doc.body.innerHTML, text: doc.body.textContent ?? '' };
  }, srcdoc);
}

/** The frame runs nothing and loads nothing: an empty sandbox and its own policy. */
export async function expectLockedFrame(frame: Locator) {
  await expect(frame).toHaveAttribute('sandbox', '');
  const { head } = await frameDocument(frame);
  expect(head).toContain(
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
  );
}

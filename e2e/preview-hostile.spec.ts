import { SEED } from '../server/sandbox/seed';
import { expect, test } from './fixtures';
import { hostileBodies } from './hostile-html';
import {
  addRecipient,
  exact,
  expectLockedFrame,
  frameDocument,
  pickChannel,
  previewRegion,
} from './preview-page';
import { findProblems, FORBIDDEN_ELEMENTS, startTrap, watchIncidents } from './safe-frame';

/**
 * Hostile HTML through the real path: pasted into the email editor (ProseMirror parses pasted HTML
 * and drops most of it), so whatever survives the editor reaches the preview. The raw bodies go
 * straight through the sanitiser in sanitize-html.spec.ts.
 */

// Trace snapshots try to run script in every frame, and Chromium logs each refusal in a
// sandboxed one: that would drown the console messages this test watches for.
test.use({ trace: 'off' });

test(`${hostileBodies('http://localhost').length} bodies pasted into the email editor: whatever reaches the preview is inert`, async ({
  page,
}) => {
  test.setTimeout(180_000);
  const trap = await startTrap();
  try {
    const hostile = hostileBodies(trap.attacker);
    const incidents = watchIncidents(page);
    await pickChannel(page, SEED.channels.email);
    const url = page.url();
    await addRecipient(page, 'To', 'kunde@example.de');
    await page.getByLabel('Subject').fill('Test');
    const editor = page.getByRole('textbox', { name: 'Message', ...exact });
    const frame = previewRegion(page).getByTitle('Email preview', exact);

    const problems: string[] = [];
    for (const [index, body] of hostile.entries()) {
      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      // Pasted as HTML, as from a mail or a web page; the marker tells when it has arrived.
      await editor.evaluate((element, html) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', 'fallback');
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, `<p>marker-${index}</p>${body.html}`);
      await expect(frame).toHaveAttribute('srcdoc', new RegExp(`marker-${index}</p>`));
      await expectLockedFrame(frame);
      const { body: shown } = await frameDocument(frame);
      for (const problem of await page.evaluate(findProblems, [shown, FORBIDDEN_ELEMENTS] as [
        string,
        string[],
      ]))
        problems.push(`${body.name}: ${problem}`);
    }
    expect(problems).toEqual([]);
    await page.waitForTimeout(1000);
    // The editor parses pasted HTML in an inert document that shares the page's policy, and
    // Chromium reports each inline handler or <base> in it that the page's CSP refused. Those
    // reports come from the editor's own script, not from the preview, and each is a refusal;
    // any other console output fails the test.
    const editorRefusals = incidents.console.filter((message) =>
      /^error: (Executing inline event handler|Setting the document's base URI).* violates the following Content Security Policy directive.*The action has been blocked\. @ .*\/assets\/rich-editor-[\w-]+\.js$/s.test(
        message,
      ),
    );
    expect({
      ...incidents,
      console: incidents.console.filter((message) => !editorRefusals.includes(message)),
    }).toEqual({ dialogs: [], console: [], popups: [], foreignRequests: [] });
    expect(trap.hits).toEqual([]);
    expect(page.url()).toBe(url);
  } finally {
    await trap.close();
  }
});

import type { Page } from '@playwright/test';
import { build } from 'vite';
import { expect, test } from './fixtures';
import { hostileBodies } from './hostile-html';
import {
  findProblems,
  FORBIDDEN_ELEMENTS,
  startTrap,
  watchIncidents,
  type Trap,
} from './safe-frame';

/**
 * `sanitizeEmailHtml` and the preview document in Chromium, on raw bodies: the rich editor
 * drops most markup before the preview sees it (e2e/preview.spec.ts covers that path), so here
 * the module itself gets every hostile body. It is bundled from source and run on a blank page
 * without a policy of its own, so the frame's defences are the only ones.
 */

const HOSTILE_COUNT = hostileBodies('http://localhost').length;

interface SanitizerGlobal {
  sanitizeEmailHtmlWithReport(html: string): { html: string; blockedImages: number };
  emailPreviewDocument(html: string): string;
  EMAIL_PREVIEW_CSP: string;
}
declare global {
  interface Window {
    EmailSanitizer: SanitizerGlobal;
  }
}

// Trace snapshots try to run script in every frame, and Chromium logs each refusal in a
// sandboxed one: that would drown the console messages these tests watch for.
test.use({ trace: 'off' });

let bundle = '';
let trap: Trap;

test.beforeAll(async () => {
  trap = await startTrap();
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      emptyOutDir: false,
      lib: { entry: 'src/lib/sanitize-html.ts', formats: ['iife'], name: 'EmailSanitizer' },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result) as {
    output: { type: string; code?: string }[];
  };
  bundle = output.output.find((chunk) => chunk.type === 'chunk')?.code ?? '';
  expect(bundle).toContain('EmailSanitizer');
});

test.afterAll(async () => {
  await trap.close();
});

test.beforeEach(() => {
  trap.hits.length = 0;
});

async function loadSanitizer(page: Page) {
  await page.goto(trap.blankPage);
  await page.addScriptTag({ content: bundle });
}

function sanitize(page: Page, bodies: string[]) {
  return page.evaluate(
    (list) => list.map((html) => window.EmailSanitizer.sanitizeEmailHtmlWithReport(html)),
    bodies,
  );
}

/** Shows each document in a frame as the preview does, and waits until every frame loaded. */
async function renderInSandboxedFrames(page: Page, documents: string[]) {
  await page.evaluate(async (list) => {
    await Promise.all(
      list.map(
        (srcdoc) =>
          new Promise<void>((resolve) => {
            const frame = document.createElement('iframe');
            frame.setAttribute('sandbox', '');
            frame.title = 'Email preview';
            frame.addEventListener('load', () => resolve(), { once: true });
            frame.srcdoc = srcdoc;
            document.body.append(frame);
          }),
      ),
    );
  }, documents);
}

test('keeps what mail needs: text, links with rel, inline images, safe inline style, tables', async ({
  page,
}) => {
  await loadSanitizer(page);
  const [links, images, style, table] = await sanitize(page, [
    '<p><strong>Guten Tag</strong>, <a href="https://example.de/angebot" target="_blank">Angebot</a>, <a href="mailto:info@example.de">Mail</a>, <a href="tel:+4930901820">Anruf</a></p>',
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Logo"><img src="https://example.de/banner.jpg" alt="Banner"><img src="cid:logo@example" alt="Eingebettet">',
    '<p style="color: #c00; font-weight: bold">Wichtig</p>',
    '<table border="1" cellpadding="4"><tr><td bgcolor="#eeeeee" colspan="2">Zelle</td></tr></table>',
  ]);
  expect(links?.html).toBe(
    '<p><strong>Guten Tag</strong>, <a href="https://example.de/angebot" rel="noopener noreferrer">Angebot</a>, <a href="mailto:info@example.de" rel="noopener noreferrer">Mail</a>, <a href="tel:+4930901820" rel="noopener noreferrer">Anruf</a></p>',
  );
  // Remote and cid: images lose their source and are counted; the inline one stays.
  expect(images).toEqual({
    html: '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Logo"><img alt="Banner"><img alt="Eingebettet">',
    blockedImages: 2,
  });
  expect(style?.html).toBe('<p style="color: #c00; font-weight: bold">Wichtig</p>');
  expect(table?.html).toBe(
    '<table border="1" cellpadding="4"><tbody><tr><td bgcolor="#eeeeee" colspan="2">Zelle</td></tr></tbody></table>',
  );
});

test(`${HOSTILE_COUNT} hostile bodies: nothing dangerous survives, and nothing happens when they are shown`, async ({
  page,
}) => {
  const hostile = hostileBodies(trap.attacker);
  expect(hostile.length).toBeGreaterThanOrEqual(50);
  await loadSanitizer(page);
  const incidents = watchIncidents(page);
  const results = await sanitize(
    page,
    hostile.map((body) => body.html),
  );

  const problems: string[] = [];
  for (const [index, body] of hostile.entries()) {
    const html = results[index]?.html ?? '';
    for (const problem of await page.evaluate(findProblems, [html, FORBIDDEN_ELEMENTS] as [
      string,
      string[],
    ]))
      problems.push(`${body.name}: ${problem}`);
    // Markup only (text between tags may mention anything): no script URL in any attribute.
    if (/javascript:|vbscript:/i.test(html.replace(/>[^<]*</g, '><')))
      problems.push(`${body.name}: a script URL is left in ${html}`);
  }
  expect(problems).toEqual([]);

  const documents = await page.evaluate(
    (list) => list.map((html) => window.EmailSanitizer.emailPreviewDocument(html)),
    results.map((result) => result.html),
  );
  await renderInSandboxedFrames(page, documents);
  // Give timers, refreshes, autofocus and lazy loads time to fire.
  await page.waitForTimeout(1500);
  expect(incidents).toEqual({ dialogs: [], console: [], popups: [], foreignRequests: [] });
  expect(trap.hits).toEqual([]);
  expect(page.url()).toBe(trap.blankPage);
  await expect(page.locator('iframe[title="Email preview"]')).toHaveCount(hostile.length);
});

test('the frame document alone stops what slips past a sanitiser: its policy and the sandbox', async ({
  page,
}) => {
  await loadSanitizer(page);
  const incidents = watchIncidents(page);
  const attacker = trap.attacker;
  // Raw, unsanitised bodies: only the preview document and the sandbox stand in the way.
  const raw = [
    `<img src="${attacker}/raw-pixel.gif">`,
    `<p style="background:url(${attacker}/raw-bg.png)">x</p>`,
    `<link rel="stylesheet" href="${attacker}/raw.css">`,
    `<style>@import "${attacker}/raw-import.css";</style>`,
    '<script>alert("raw")</script>',
    '<img src=x onerror="alert(\'raw\')">',
    `<meta http-equiv="refresh" content="0;url=${attacker}/raw-refresh">`,
    `<form action="${attacker}/raw-form" id="f"><input name="a"></form><img src=x onerror="document.getElementById('f').submit()">`,
  ];
  const documents = await page.evaluate(
    (list) => list.map((html) => window.EmailSanitizer.emailPreviewDocument(html)),
    raw,
  );
  await renderInSandboxedFrames(page, documents);
  await page.waitForTimeout(1500);
  expect(incidents.dialogs).toEqual([]);
  expect(incidents.popups).toEqual([]);
  // The browser may report a request its CSP then refused; what counts is what arrived.
  expect(trap.hits).toEqual([]);
  expect(page.url()).toBe(trap.blankPage);
  // Chromium says what the policy and the sandbox blocked: the proof that they acted.
  expect(incidents.console.join('\n')).toMatch(/Content Security Policy/);
  expect(incidents.console.join('\n')).toMatch(/sandboxed/);
});

test('the watch itself notices: an unprotected frame is caught loading from another host and alerting', async ({
  page,
}) => {
  await page.goto(trap.blankPage);
  const incidents = watchIncidents(page);
  await page.evaluate((attacker) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts allow-modals');
    frame.srcdoc = `<img src="${attacker}/control.gif"><script>alert("control")</script>`;
    document.body.append(frame);
  }, trap.attacker);
  await expect.poll(() => incidents.dialogs).toEqual(['alert: control']);
  await expect.poll(() => trap.hits).toEqual(['GET /control.gif']);
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';

/**
 * Shared checks for the email preview's defences, used by the sanitiser spec and the preview
 * spec: what a sanitised document may contain, a trap server that counts every request a
 * hostile body manages to send, and a watch on what else it could make the browser do.
 *
 * Why a trap server and not only the browser's request events: Chromium puts sandboxed frames
 * in processes of their own, and requests from such a frame can happen before the test tool is
 * attached to it, so they may never be reported; and a request that the frame's CSP blocked can
 * still be reported. The trap counts what arrives, which is what matters.
 */

// prettier-ignore
export const FORBIDDEN_ELEMENTS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input',
  'button', 'select', 'textarea', 'meta', 'link', 'base', 'svg', 'math', 'template', 'noscript',
  'audio', 'video', 'source', 'picture', 'isindex', 'marquee',
];

/**
 * Problems in sanitised HTML, found by parsing it as the frame will. Runs in the browser
 * (passed to `page.evaluate`), so it uses nothing from its surroundings.
 */
export function findProblems([html, forbidden]: [string, string[]]): string[] {
  const problems: string[] = [];
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  // Whatever the parser moves into <head> would take effect too.
  for (const element of Array.from(doc.querySelectorAll('head *, body *'))) {
    const name = element.localName;
    if (forbidden.includes(name)) problems.push(`<${name}> element`);
    if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml')
      problems.push(`<${name}> outside HTML`);
    for (const attribute of Array.from(element.attributes)) {
      const value = attribute.value.trim();
      const attr = attribute.name.toLowerCase();
      if (attr.startsWith('on')) problems.push(`${attr} on <${name}>`);
      if (
        /^(target|srcset|background|action|formaction|ping|srcdoc|poster|xlink:href|http-equiv|data-.*)$/.test(
          attr,
        )
      )
        problems.push(`${attr} on <${name}>`);
      if (attr === 'href' && !/^(https?:|mailto:|tel:)/i.test(value))
        problems.push(`href="${value}"`);
      if (attr === 'src' && !/^data:image\/(png|jpe?g|gif);base64,/i.test(value))
        problems.push(`src="${value}"`);
      if (
        attr === 'style' &&
        /url\s*\(|expression|image-set|@import|behaviou?r|binding|javascript|\\/i.test(value)
      )
        problems.push(`style="${value}"`);
    }
    if (
      name === 'a' &&
      element.hasAttribute('href') &&
      element.getAttribute('rel') !== 'noopener noreferrer'
    )
      problems.push('<a href> without rel="noopener noreferrer"');
  }
  return problems;
}

export interface Trap {
  /** The origin hostile bodies point at: `http://localhost:PORT`, another host than the app's. */
  attacker: string;
  /** A blank page without any policy, on 127.0.0.1 (`localhost` is then another host). */
  blankPage: string;
  /** Every request that reached the trap, but the blank page itself. */
  hits: string[];
  close(): Promise<void>;
}

export async function startTrap(): Promise<Trap> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    if (request.url === '/blank') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><html lang="en"><title>Blank</title><body></body></html>');
      return;
    }
    if (request.url !== '/favicon.ico') hits.push(`${request.method} ${request.url}`);
    response.writeHead(204);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    attacker: `http://localhost:${port}`,
    blankPage: `http://127.0.0.1:${port}/blank`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Incidents {
  dialogs: string[];
  console: string[];
  popups: string[];
  /** Requests the browser reports to any host but 127.0.0.1 (the app and the blank page). */
  foreignRequests: string[];
}

/** Records dialogs, console output, popups and reported requests to other hosts. */
export function watchIncidents(page: Page): Incidents {
  const incidents: Incidents = { dialogs: [], console: [], popups: [], foreignRequests: [] };
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) =>
    incidents.console.push(`${message.type()}: ${message.text()} @ ${message.location().url}`),
  );
  page.on('pageerror', (error) => incidents.console.push(`pageerror: ${error.message}`));
  page.on('popup', (popup) => incidents.popups.push(popup.url()));
  page.context().on('page', (other) => {
    if (other !== page) incidents.popups.push(other.url());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (/^https?:/.test(url) && new URL(url).hostname !== '127.0.0.1')
      incidents.foreignRequests.push(url);
  });
  return incidents;
}

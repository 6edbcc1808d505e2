import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { captureScreens, SCREENS, type ScreenOutlines } from './readme-screens';

const DIR = resolve(import.meta.dirname, '../docs/screenshots');

test('the README shows pictures of the current app (else: npm run screenshots)', async ({
  browser,
  baseURL,
}, testInfo) => {
  // Four scenes, each driving the app from an empty page, on a machine shared with other tests.
  test.setTimeout(240_000);
  const readme = readFileSync(resolve(import.meta.dirname, '../README.md'), 'utf8');
  for (const screen of SCREENS) {
    expect(readme).toContain(`docs/screenshots/${screen}.png`);
    expect(existsSync(resolve(DIR, `${screen}.png`)), `${screen}.png`).toBe(true);
  }
  const committed = JSON.parse(
    readFileSync(resolve(DIR, 'screens.json'), 'utf8'),
  ) as ScreenOutlines;
  // The same scenes, driven again: what they show must be what the committed pictures show.
  const now = await captureScreens(browser, baseURL ?? '', testInfo.outputDir);
  for (const screen of SCREENS) {
    expect(now[screen], `${screen}: run npm run screenshots`).toBe(committed[screen]);
  }
});

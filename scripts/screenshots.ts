/**
 * `npm run screenshots`: starts the app on an in-memory sandbox, drives it in Chromium and
 * writes the README's pictures to docs/screenshots, with screens.json (what each one shows),
 * which the test `e2e/readme-screenshots.spec.ts` holds the current app to.
 */
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startAppServer } from '../bench/servers';
import { captureScreens } from '../e2e/readme-screens';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tooling/chromium';

const DIR = resolve(import.meta.dirname, '../docs/screenshots');

const server = await startAppServer(Number(process.env.SCREENSHOTS_PORT ?? 5420));
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
try {
  const outlines = await captureScreens(browser, server.url, DIR);
  writeFileSync(resolve(DIR, 'screens.json'), JSON.stringify(outlines, null, 2) + '\n');
  console.log(`Wrote ${Object.keys(outlines).length} screenshots to docs/screenshots`);
} finally {
  await browser.close();
  await server.stop();
}

/**
 * The Chromium every browser run uses (tests, benchmarks, screenshots): the system's, as
 * browsers cannot be downloaded here, with the flags for a headless, quiet, offline run.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

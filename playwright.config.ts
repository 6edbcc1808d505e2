import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tooling/chromium';
import { E2E_PORT, E2E_SANDBOX_PORT, FAULT_PORT, FAULT_SANDBOX_PORT } from './e2e/ports';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    // English unless a test asks for German: the app follows the browser's language.
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'app', testIgnore: /reliability\.spec\.ts/ },
    // Fault switches act on the whole sandbox, so these tests get a server of their own.
    {
      name: 'faults',
      testMatch: /reliability\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${FAULT_PORT}` },
    },
  ],
  // The production server with an in-memory sandbox. The sandbox has no rate limit of its own,
  // so the proxy's pacing is raised here; pacing has its own tests.
  webServer: [
    { port: E2E_PORT, sandboxPort: E2E_SANDBOX_PORT },
    { port: FAULT_PORT, sandboxPort: FAULT_SANDBOX_PORT },
  ].map(({ port, sandboxPort }) => ({
    command: 'tsx server/index.ts',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_DATA_DIR: ':memory:',
      UPSTREAM_RATE_PER_SECOND: '100',
      // Short, so that the timeout tests do not wait ten seconds.
      UPSTREAM_TIMEOUT_MS: '3000',
      MATEO_API_KEY: '',
    },
  })),
});

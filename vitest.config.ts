import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{schemas,server,src,tooling,integration}/**/*.test.{ts,tsx}'],
    // Server tests share PGlite instances per file; two cores run two files at a time.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

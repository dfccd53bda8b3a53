// Test runner configuration: unit, integration (real SQLite files, real servers on 127.0.0.1)
// and end-to-end (real Chromium through the browser host). `npm test` builds first.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    // End-to-end checks poll the page; a first import starts a worker and loads parsers.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});

import { defineConfig } from 'vitest/config';

// One project per environment: fast unit tests, integration tests against the real server on port 0,
// and browser tests driving Debian's Chromium against the built client.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // With ACCORD_TEST_STORE=pg, the same tests run against PostgreSQL (a database per run).
          globalSetup: ['tests/helpers/pgSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/buildClient.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

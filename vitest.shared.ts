import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their src/ through the "@switchyard/source" export condition,
// so no build is needed before a test run.
const conditions = ['@switchyard/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    passWithNoTests: false,
  },
});

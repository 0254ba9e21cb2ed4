import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their src/ through the "@switchyard/source" export condition,
// so no build is needed before a test run. Otherwise dependencies resolve as Node resolves them at run time: no
// "module" condition or main field, which would send @smithy/* to builds Node cannot load.
const conditions = ['@switchyard/source', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions, mainFields: ['main'] },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    passWithNoTests: false,
  },
});

import { defineConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// Two kinds of tests: the console's components and helpers in a simulated DOM (src/), and end-to-end tests that
// drive the built console in Debian's Chromium against a real gateway (e2e/). Each project names its own files
// (the shared include is left out: projects would add to it).
const { include: _sharedInclude, ...sharedTest } = shared.test ?? {};

export default defineConfig({
  ...shared,
  test: {
    ...sharedTest,
    projects: [
      { extends: true, test: { name: 'unit', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] } },
      { extends: true, test: { name: 'e2e', environment: 'node', include: ['e2e/**/*.test.ts'], fileParallelism: false, testTimeout: 120_000, hookTimeout: 120_000 } },
      // Not a test: `pnpm screenshots` writes docs/screenshots/ (run on its own, never by `test`).
      { extends: true, test: { name: 'screenshots', environment: 'node', include: ['scripts/screenshots.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});

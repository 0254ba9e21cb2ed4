import { defineConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// @smithy/* packages map the "module" condition to extensionless ESM that Node's loader cannot run, so this
// package resolves without it, as plain Node does at runtime.
const conditions = ['@switchyard/source', 'node', 'import', 'default'];

export default defineConfig({
  ...shared,
  resolve: { ...shared.resolve, conditions, mainFields: ['main'] },
  ssr: { ...shared.ssr, resolve: { ...shared.ssr?.resolve, conditions, externalConditions: conditions } },
});

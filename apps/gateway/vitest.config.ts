import { defineConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// The Bedrock family pulls in @smithy/* packages whose "module" condition points at extensionless ESM that Node's
// loader cannot run, so the gateway's tests resolve without it, as plain Node does at runtime.
const conditions = ['@switchyard/source', 'node', 'import', 'default'];

export default defineConfig({
  ...shared,
  resolve: { ...shared.resolve, conditions, mainFields: ['main'] },
  ssr: { ...shared.ssr, resolve: { ...shared.ssr?.resolve, conditions, externalConditions: conditions } },
});

import { defineConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// The Bedrock family pulls in @smithy/* packages whose "module" condition points at extensionless ESM that Node's
// loader cannot run, so the gateway's tests resolve without it, as plain Node does at runtime.
const conditions = ['@switchyard/source', 'node', 'import', 'default'];
// Node gets the conditions without "import" (it adds import/require itself): with it, Node applies "import" to
// require() too, and express 5 (the A2A test agent) require()s is-promise's ES module (see a2a-client's README).
const nodeConditions = ['@switchyard/source', 'node', 'default'];

export default defineConfig({
  ...shared,
  resolve: { ...shared.resolve, conditions, mainFields: ['main'] },
  ssr: { ...shared.ssr, resolve: { ...shared.ssr?.resolve, conditions: nodeConditions, externalConditions: nodeConditions } },
});

import { defineConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// The shared config hands its conditions to Node as --conditions, "import" among them, and Node then applies
// "import" to require() too: express 5's router require()s is-promise and gets its ES module (not a function).
// The test agent runs on express, so Node gets the conditions without "import" (it adds import/require itself).
const conditions = ['@switchyard/source', 'node', 'default'];

export default defineConfig({ ...shared, ssr: { resolve: { conditions, externalConditions: conditions } } });

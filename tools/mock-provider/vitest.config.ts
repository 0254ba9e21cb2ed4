import { defineConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// The shared "module" condition sends @smithy/core (used by the Bedrock codec and the AWS SDK) to its dist-es
// build, which Node cannot load natively (extensionless imports); resolve dependencies the way Node does instead.
const conditions = ['@switchyard/source', 'node', 'import', 'default'];

export default defineConfig({ ...shared, resolve: { conditions }, ssr: { resolve: { conditions, externalConditions: conditions } } });

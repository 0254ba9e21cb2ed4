import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { switchyard: { nodeFlags: string[] } };

describe('the gateway node flags (package.json "switchyard.nodeFlags")', () => {
  it('are the ones the switchyard-gateway bin starts node with', () => {
    const shebang = readFileSync(new URL('./main.ts', import.meta.url), 'utf8').split('\n')[0];
    const flags = manifest.switchyard.nodeFlags;
    expect(shebang).toBe(flags.length === 0 ? '#!/usr/bin/env node' : `#!/usr/bin/env -S node ${flags.join(' ')}`);
  });
});

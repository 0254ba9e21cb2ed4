import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { switchyard: { nodeFlags: string[] } };

describe('the gateway node flags (package.json "switchyard.nodeFlags")', () => {
  it('are the ones the switchyard-gateway bin starts node with', () => {
    const shebang = readFileSync(new URL('./main.ts', import.meta.url), 'utf8').split('\n')[0];
    expect(shebang).toBe(`#!/usr/bin/env -S node ${manifest.switchyard.nodeFlags.join(' ')}`);
  });

  it('cap the young generation (docs/scaling.md, "Memory")', () => {
    expect(manifest.switchyard.nodeFlags).toContain('--max-semi-space-size=4');
  });
});

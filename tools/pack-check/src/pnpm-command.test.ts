import { describe, expect, it } from 'vitest';
import { npmEnvironment } from './pack-and-install.js';
import { pnpmInvocation } from './pnpm-command.js';

describe('pnpmInvocation', () => {
  it('prefers the pnpm running the test, then the pinned copy, then the PATH', () => {
    expect(pnpmInvocation('/nowhere', { npm_execpath: '/opt/pnpm/bin/pnpm' })).toEqual({ command: '/opt/pnpm/bin/pnpm', args: [] });
    expect(pnpmInvocation('/nowhere', { npm_execpath: '/opt/pnpm/bin/pnpm.cjs' })).toEqual({ command: process.execPath, args: ['/opt/pnpm/bin/pnpm.cjs'] });
    expect(pnpmInvocation('/nowhere', { npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' })).toEqual({ command: 'pnpm', args: [] });
  });
});

describe('npmEnvironment', () => {
  it("drops pnpm's npm_config_* settings but keeps the registry, cache and proxies", () => {
    const env = npmEnvironment({ PATH: '/bin', npm_config_frozen_lockfile: 'true', npm_config_registry: 'https://r', NPM_CONFIG_HTTPS_PROXY: 'p' });
    expect(env).toEqual({ PATH: '/bin', npm_config_registry: 'https://r', NPM_CONFIG_HTTPS_PROXY: 'p' });
  });
});

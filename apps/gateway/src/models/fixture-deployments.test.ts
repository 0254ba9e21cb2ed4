import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../config/load-config.js';
import { installedFamilies } from '../providers/installed-families.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { buildDeployments } from './build-deployments.js';

const fixtureDir = join(import.meta.dirname, '..', 'config', '__fixtures__', 'litellm-configs');

describe('every LiteLLM fixture config builds with the installed provider families', () => {
  const registry = new ProviderRegistry(installedFamilies());

  it.each(readdirSync(fixtureDir).filter((name) => name.endsWith('.yaml')))('%s: served or skipped with a warning, never a crash', (name) => {
    const path = join(fixtureDir, name);
    const text = readFileSync(path, 'utf8');
    const env: NodeJS.ProcessEnv = {};
    for (const match of text.matchAll(/os\.environ\/(\w+)/g)) env[match[1]!] = `dummy-${match[1]!}`;
    const config = loadConfigFile(path, env);
    const built = buildDeployments(config, registry);
    expect(built.deployments.length + built.warnings.length).toBe(config.deployments.length);
    for (const deployment of built.deployments) expect(registry.has(deployment.providerId)).toBe(true);
    for (const warning of built.warnings) expect(warning).toMatch(/Skipped\.$/);
  });
});

import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { distScript, gatewayMain, gatewayNodeFlags } from '../paths.js';
import type { TargetName } from '../scenarios/scenario.js';
import { startNodeTarget } from './start-node-target.js';
import type { TargetDefinition } from './target.js';

const direct: TargetDefinition = {
  name: 'direct',
  description: 'the mock itself, no proxy (the upper bound)',
  unavailableReason: () => undefined,
  start: async (context) => ({ name: 'direct', origin: context.mockOrigin, pid: context.mockPid, stop: async () => {} }),
};

const bare: TargetDefinition = {
  name: 'bare',
  description: 'node:http server + undici Pool.request pass-through, no parsing (the floor)',
  unavailableReason: () => undefined,
  start: (context) =>
    startNodeTarget('bare', context, distScript('targets/bare-proxy.js'), (port) => [
      `--port=${port}`,
      `--upstream=${context.mockOrigin}`,
    ]),
};

const gateway: TargetDefinition = {
  name: 'gateway',
  description: "Switchyard's gateway (apps/gateway/dist/main.js) with a one-model config pointing at the mock",
  unavailableReason: () =>
    existsSync(gatewayMain)
      ? undefined
      : 'apps/gateway/dist/main.js does not exist (the gateway is not built, or not in this checkout yet)',
  async start(context) {
    const config = join(context.workDir, `gateway-${context.scenario.name}.yaml`);
    await writeFile(config, context.scenario.gatewayConfig(context.mockOrigin));
    const workers = context.gatewayWorkers ?? 1;
    return startNodeTarget(
      'gateway',
      // Launched as `npm start` launches it: with the gateway's node flags (the young-generation cap).
      { ...context, env: { ...context.session?.gatewayEnv, ...context.env }, nodeFlags: [...gatewayNodeFlags(), ...(context.nodeFlags ?? [])] },
      gatewayMain,
      (port) => ['--config', config, '--port', String(port), '--host', '127.0.0.1', ...(workers > 1 ? ['--workers', String(workers)] : [])],
    );
  },
};

const portkey: TargetDefinition = {
  name: 'portkey',
  description: '@portkey-ai/gateway 1.15.2 with hono 4.9.7, @hono/node-server 1.13.5, @hono/node-ws 1.2.0',
  unavailableReason: (context) =>
    context.portkeyEntry ? undefined : 'Portkey is not part of this run (smoke mode leaves it out unless --portkey)',
  async start(context) {
    const entry = context.portkeyEntry;
    if (!entry) throw new Error('Portkey is not installed');
    return startNodeTarget('portkey', context, entry, (port) => [`--port=${port}`, '--headless'], [
      distScript('preload/loopback.js'),
    ]);
  },
};

/** Every target, in the order the bench measures them within one point. */
export const targetDefinitions: Readonly<Record<TargetName, TargetDefinition>> = { direct, bare, gateway, portkey };

export const allTargetNames: readonly TargetName[] = ['direct', 'bare', 'gateway', 'portkey'];

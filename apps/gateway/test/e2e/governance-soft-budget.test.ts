import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GovernanceRuntime } from '../../src/governance/governance-runtime.js';
import type { SoftBudgetEvent } from '../../src/governance/soft-budget-alerts.js';
import { post, scenarioParams, startHarness, type Harness } from '../support/gateway-harness.js';

// Soft budgets: crossing one alerts once (log line, /metrics, webhook), answers say the scope is over it, and
// the webhook is a local receiver the config allows explicitly (private addresses are refused otherwise).

const events: SoftBudgetEvent[] = [];
const receiver = createServer((incoming, outgoing) => {
  let body = '';
  incoming.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  incoming.on('end', () => {
    events.push(JSON.parse(body) as SoftBudgetEvent);
    outgoing.writeHead(200).end('ok');
  });
});
let harness: Harness;
let runtime: GovernanceRuntime;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts?token=hook-secret`;
  harness = await startHarness(
    `model_list:
  - model_name: chat
    litellm_params: ${scenarioParams('')}
general_settings:
  master_key: sk-soft-budget-master
  alerting: ["webhook"]
  alerting_webhook_url: "${hook}"
  alerting_webhook_allow_private: true
`,
    { governanceEnv: { SWITCHYARD_SPEND_FLUSH_INTERVAL_MS: '50' } },
  );
  runtime = harness.gateway.governance!;
});
afterAll(async () => {
  await harness?.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const hello = JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: 'Hi' }] });
const ask = (key: string) => post(`${harness.url}/v1/chat/completions`, hello, { authorization: `Bearer ${key}` });

describe('soft budget alerts', () => {
  it('a key crossing its soft budget alerts once: log, metric and webhook; later requests do not re-alert', async () => {
    events.length = 0;
    const { key, record } = await runtime.store.keys.create({ keyAlias: 'soft-key', softBudget: 0.0000001, maxBudget: 10 });
    const first = await ask(key);
    expect(first.status).toBe(200);
    // Not over yet when the answer was decided (the stored spend was 0): no header on the crossing request.
    expect(first.headers.get('x-switchyard-soft-budget-exceeded')).toBeNull();
    for (let request = 0; request < 3; request++) expect((await ask(key)).status).toBe(200);
    await runtime.alerts!.idle();
    const mine = events.filter((event) => event.key_id === record.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      event: 'soft_budget_crossed',
      event_group: 'key',
      scope_id: record.id,
      key_alias: 'soft-key',
      key_name: record.keyHint,
      soft_budget: 0.0000001,
      max_budget: 10,
    });
    expect(mine[0]!.spend).toBeGreaterThanOrEqual(0.0000001);
    const lines = harness.rawLogs.filter((line) => line.includes('reached its soft budget') && line.includes(record.id));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: expect.anything() });
    for (const line of harness.rawLogs) {
      expect(line).not.toContain(key);
      expect(line).not.toContain(record.keyHash);
      expect(line).not.toContain('hook-secret');
    }
    const metrics = await (await fetch(`${harness.url}/metrics`)).text();
    expect(metrics).toMatch(/switchyard_soft_budget_alerts_total\{scope="key"\} [1-9]/);
  });

  it('answers for a scope already over its soft budget say so; a team over it alerts as a team', async () => {
    events.length = 0;
    const team = await runtime.store.teams.create({ alias: 'soft-team', softBudget: 1, spend: 2 });
    const { key, record } = await runtime.store.keys.create({ teamId: team.id });
    const answer = await ask(key);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-switchyard-soft-budget-exceeded')).toBe('true');
    await ask(key);
    await runtime.alerts!.idle();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event_group: 'team', scope_id: team.id, team_id: team.id, team_alias: 'soft-team', key_id: record.id });
  });

  it('a key under its soft budget gets neither header nor alert', async () => {
    events.length = 0;
    const { key } = await runtime.store.keys.create({ softBudget: 100 });
    const answer = await ask(key);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-switchyard-soft-budget-exceeded')).toBeNull();
    await runtime.alerts!.idle();
    expect(events).toHaveLength(0);
  });
});

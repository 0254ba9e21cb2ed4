import { randomUUID } from 'node:crypto';
import type { SpendLogInput } from '../repositories/spend-record.js';

/** The master secret the shared suites open their stores with. */
export const TEST_MASTER_SECRET = 'switchyard-store-test-master-secret';

/** A unique id with a readable prefix, so cases sharing one store never collide. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** A successful 1-second gpt-4o request costing $0.01, started at `startedAt` (default now). */
export function sampleSpendLog(overrides: Partial<SpendLogInput> = {}): SpendLogInput {
  const startedAt = overrides.startedAt ?? new Date();
  return {
    requestId: uniqueId('request'),
    modelGroup: 'gpt-4o',
    provider: 'openai',
    model: 'gpt-4o-2024-08-06',
    promptTokens: 100,
    completionTokens: 50,
    cost: 0.01,
    latencyMs: 1000,
    timeToFirstTokenMs: 200,
    status: 'success',
    startedAt,
    endedAt: new Date(startedAt.getTime() + 1000),
    ...overrides,
  };
}

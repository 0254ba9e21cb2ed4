import { describe, expect, it } from 'vitest';
import type { Deployment } from '../deployments/deployment.js';
import { InMemoryRouterState } from './in-memory-state.js';
import { latencySamples } from './latency-window.js';

const minute = Date.UTC(2026, 0, 1, 12, 0, 0);
const sample = (latencyMs: number, failed = false) => ({ latencyMs, timeToFirstTokenMs: Number.NaN, tokens: 0, failed });

function state(slots = 2): InMemoryRouterState {
  const created = new InMemoryRouterState();
  created.attach(new Array(slots).fill({}) as Deployment[], { latencyTtlMs: 60_000 });
  return created;
}

describe('InMemoryRouterState', () => {
  it('averages the last samples only', () => {
    const memory = state();
    for (let index = 0; index < latencySamples; index++) memory.release(0, minute, sample(100));
    expect(memory.view.latencyMs(0, minute)).toBe(100);
    for (let index = 0; index < latencySamples / 2; index++) memory.release(0, minute, sample(300));
    expect(memory.view.latencyMs(0, minute)).toBe(200);
    expect(Number.isNaN(memory.view.latencyMs(1, minute))).toBe(true);
  });

  it('starts the average afresh after the ttl', () => {
    const memory = state();
    memory.release(0, minute, sample(1000));
    memory.release(0, minute + 60_001, sample(10));
    expect(memory.view.latencyMs(0, minute + 60_001)).toBe(10);
    expect(Number.isNaN(memory.view.latencyMs(0, minute + 120_002))).toBe(true);
  });

  it('counts requests, tokens and failures per calendar minute', () => {
    const memory = state();
    memory.acquire(0, minute);
    memory.acquire(0, minute + 1);
    memory.release(0, minute + 2, { latencyMs: 1, timeToFirstTokenMs: Number.NaN, tokens: 40, failed: true });
    expect([memory.view.requestsThisMinute(0, minute), memory.view.tokensThisMinute(0, minute), memory.view.failuresThisMinute(0, minute)]).toEqual([2, 40, 1]);
    expect(memory.view.inFlight(0)).toBe(1);
    const next = minute + 60_000;
    expect([memory.view.requestsThisMinute(0, next), memory.view.tokensThisMinute(0, next)]).toEqual([0, 0]);
    memory.acquire(0, next);
    memory.cancel(0, next);
    expect(memory.view.requestsThisMinute(0, next)).toBe(0);
    expect(memory.view.inFlight(0)).toBe(1);
  });

  it('never shortens a cooldown', () => {
    const memory = state();
    memory.coolDown(1, minute + 5000);
    memory.coolDown(1, minute + 1000);
    expect(memory.view.cooldownUntil(1)).toBe(minute + 5000);
  });
});

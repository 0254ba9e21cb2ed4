import { createHash } from 'node:crypto';
import type { Deployment } from '@switchyard/router';

/**
 * Where one deployment's state lives. Every key of a model group carries the same hash tag (`{g:<hash>}`), so on
 * Redis Cluster a group's keys share one hash slot: one script reads a whole group and one Lua script may touch
 * several keys. Different groups spread over the cluster.
 */
export class DeploymentKeys {
  readonly cooldown: string;
  readonly inFlight: string;
  readonly latencySamples: string;
  readonly latencyAverage: string;
  readonly ttftSamples: string;
  readonly ttftAverage: string;
  readonly #base: string;

  constructor(prefix: string, deployment: Pick<Deployment, 'id' | 'modelGroup'>) {
    this.#base = `${prefix}${groupHashTag(deployment.modelGroup)}:${deployment.id}`;
    this.cooldown = `${this.#base}:cooldown`;
    this.inFlight = `${this.#base}:in-flight`;
    this.latencySamples = `${this.#base}:latency:samples`;
    this.latencyAverage = `${this.#base}:latency`;
    this.ttftSamples = `${this.#base}:ttft:samples`;
    this.ttftAverage = `${this.#base}:ttft`;
  }

  /** Per-minute counters are separate keys per calendar minute, so every instance counts the same window. */
  requests(minute: number): string {
    return `${this.#base}:requests:${minute}`;
  }

  tokens(minute: number): string {
    return `${this.#base}:tokens:${minute}`;
  }

  failures(minute: number): string {
    return `${this.#base}:failures:${minute}`;
  }
}

/** The hash tag of a model group: a digest, so a group name containing "{" or "}" cannot break the tag. */
export function groupHashTag(modelGroup: string): string {
  return `{g:${createHash('sha256').update(modelGroup).digest('hex').slice(0, 12)}}`;
}

/** What Redis Cluster hashes for a key: the text inside the first non-empty `{...}`, else the whole key. */
export function hashedPart(key: string): string {
  const open = key.indexOf('{');
  if (open < 0) return key;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

import type { IncomingHttpHeaders } from 'node:http';
import { badRequest } from '../reply/mock-request-error.js';
import { emptyScenario, faultNames, type FaultName, type Scenario } from './scenario.js';

const headerPrefix = 'x-mock-';
const namePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

interface IntegerRule {
  field: 'chunks' | 'firstTokenMs' | 'chunkMs' | 'retryAfter' | 'faultTimes';
  min: number;
  max: number;
}

const integerKeys: Readonly<Record<string, IntegerRule>> = {
  chunks: { field: 'chunks', min: 1, max: 100_000 },
  first_token_ms: { field: 'firstTokenMs', min: 0, max: 3_600_000 },
  chunk_ms: { field: 'chunkMs', min: 0, max: 3_600_000 },
  retry_after: { field: 'retryAfter', min: 0, max: 86_400 },
  fault_times: { field: 'faultTimes', min: 1, max: 1_000_000 },
};

/**
 * Reads the scenario of one request. `prefix` is the `k=v,k=v` segment of a `/mock/…/` path prefix; an
 * `x-mock-<key>` header (dashes or underscores) overrides the same key from the prefix.
 */
export function parseScenario(prefix: string | undefined, headers: IncomingHttpHeaders): Scenario {
  const pairs = new Map<string, string>();
  if (prefix !== undefined) addPrefixPairs(prefix, pairs);
  for (const name in headers) {
    if (!name.startsWith(headerPrefix)) continue;
    const raw = headers[name];
    const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
    pairs.set(name.slice(headerPrefix.length).replaceAll('-', '_'), value.trim());
  }
  if (pairs.size === 0) return emptyScenario;
  return buildScenario(pairs);
}

function addPrefixPairs(prefix: string, pairs: Map<string, string>): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(prefix);
  } catch {
    throw badRequest(`Mock scenario prefix "${prefix}" is not valid percent-encoding.`);
  }
  for (const part of decoded.split(',')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    if (equals <= 0) throw badRequest(`Mock scenario entry "${part}" must look like key=value.`);
    pairs.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
}

function buildScenario(pairs: Map<string, string>): Scenario {
  const scenario: Omit<Scenario, 'key'> & { key?: string } = {};
  for (const [key, value] of pairs) applyPair(scenario, key, value);
  const key = [...pairs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return { ...scenario, key };
}

function applyPair(scenario: Omit<Scenario, 'key'>, key: string, value: string): void {
  const rule = integerKeys[key];
  if (rule !== undefined) {
    scenario[rule.field] = parseInteger(key, value, rule);
    return;
  }
  switch (key) {
    case 'fixture':
    case 'id':
    case 'tool_call':
      if (!namePattern.test(value)) {
        throw badRequest(`Mock ${key} "${value}" must be 1-200 letters, digits, dots, dashes or underscores.`);
      }
      if (key === 'tool_call') scenario.toolCall = value;
      else scenario[key] = value;
      return;
    case 'fault':
      if (!(faultNames as readonly string[]).includes(value)) {
        throw badRequest(`Unknown mock fault "${value}"; expected one of ${faultNames.join(', ')}.`);
      }
      scenario.fault = value as FaultName;
      return;
    default:
      throw badRequest(
        `Unknown mock key "${key}"; expected one of fixture, chunks, first_token_ms, chunk_ms, fault, retry_after, fault_times, tool_call, id.`,
      );
  }
}

function parseInteger(key: string, value: string, rule: IntegerRule): number {
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < rule.min || parsed > rule.max) {
    throw badRequest(`Mock ${key} must be an integer from ${rule.min} to ${rule.max}, got "${value}".`);
  }
  return parsed;
}

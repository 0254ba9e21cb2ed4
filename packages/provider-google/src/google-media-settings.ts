import { defaultMediaPolicy, type GoogleMediaPolicy } from './convert-google-media.js';

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? value : undefined;
}

/**
 * The media fetch policy from `options.media_fetch` ({max_bytes, timeout_ms, allow_private, allowed_hosts,
 * allow_private_hosts}), with anything given programmatically winning. Unset fields keep the defaults: 20 MiB,
 * 10 s, public addresses only.
 */
export function resolveMediaPolicy(options: Record<string, unknown> | undefined, override: Partial<GoogleMediaPolicy> = {}): GoogleMediaPolicy {
  const raw = options?.['media_fetch'];
  const config = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const policy: GoogleMediaPolicy = {
    maxBytes: positive(config['max_bytes']) ?? defaultMediaPolicy.maxBytes,
    timeoutMs: positive(config['timeout_ms']) ?? defaultMediaPolicy.timeoutMs,
  };
  if (config['allow_private'] === true) policy.allowPrivate = true;
  const allowedHosts = strings(config['allowed_hosts']);
  if (allowedHosts) policy.allowedHosts = allowedHosts;
  const privateHosts = strings(config['allow_private_hosts']);
  if (privateHosts) policy.allowPrivateHosts = privateHosts;
  return { ...policy, ...override };
}

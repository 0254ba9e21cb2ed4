import type { FallbackList } from './router-settings-schema.js';

/** Normalises LiteLLM's list of one-key maps (or a plain map) into group name → fallback groups; later entries add. */
export function toFallbackMap(list: FallbackList | undefined): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  if (list === undefined) return map;
  const entries = Array.isArray(list) ? list.flatMap((item) => Object.entries(item)) : Object.entries(list);
  for (const [group, targets] of entries) {
    const existing = map.get(group) ?? [];
    for (const target of targets) if (!existing.includes(target)) existing.push(target);
    map.set(group, existing);
  }
  return map;
}

/**
 * Whether a model group is on an allow-list. The empty list allows everything; entries may be exact names,
 * wildcards (`openai/*`, `*`), `all-proxy-models`, or access groups (a name mapped to a list of model groups).
 */
export function modelAllowed(model: string, allowList: readonly string[], accessGroups: ReadonlyMap<string, readonly string[]> = new Map()): boolean {
  if (allowList.length === 0) return true;
  return allowList.some((entry) => {
    if (entry === '*' || entry === 'all-proxy-models' || entry === model) return true;
    const group = accessGroups.get(entry);
    if (group !== undefined) return group.includes(model) || group.some((member) => member.endsWith('*') && wildcardMatches(member, model));
    return entry.includes('*') && wildcardMatches(entry, model);
  });
}

function wildcardMatches(pattern: string, model: string): boolean {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`).test(model);
}

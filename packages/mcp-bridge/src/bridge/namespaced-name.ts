/** Joins a server name and an upstream tool (or prompt) name, as LiteLLM does: `<server>-<name>`. */
export const namespaceSeparator = '-';

export function namespaceName(server: string, name: string): string {
  return `${server}${namespaceSeparator}${name}`;
}

export interface SplitName {
  server: string;
  name: string;
}

/**
 * Splits on the first separator. Server names cannot contain it, so upstream names may (`everything-get-sum`
 * is server `everything`, tool `get-sum`). Returns undefined for a name without a prefix.
 */
export function splitNamespacedName(namespaced: string): SplitName | undefined {
  const index = namespaced.indexOf(namespaceSeparator);
  if (index <= 0 || index === namespaced.length - 1) return undefined;
  return { server: namespaced.slice(0, index), name: namespaced.slice(index + 1) };
}

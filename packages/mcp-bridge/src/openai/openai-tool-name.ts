import { createHash } from 'node:crypto';

const validName = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * The function name a model sees for a namespaced MCP tool. OpenAI (and most providers) accept
 * `^[a-zA-Z0-9_-]{1,64}$`; any other name has its other characters replaced by `_`, is cut to 55 characters and
 * gets a short hash of the original, so distinct tools keep distinct names. Valid names are returned unchanged.
 */
export function openAIToolName(namespacedName: string): string {
  if (validName.test(namespacedName)) return namespacedName;
  const replaced = namespacedName.replace(/[^a-zA-Z0-9_-]/g, '_');
  return `${replaced.slice(0, 55)}_${hash(namespacedName)}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

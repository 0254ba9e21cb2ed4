/**
 * Whether a table entry of `entryProvider` serves a request addressed to LiteLLM provider `requested`. LiteLLM
 * files some providers' bare keys under sub-provider ids: Vertex AI under `vertex_ai-language-models`,
 * `vertex_ai-anthropic_models`, ...; Bedrock under `bedrock_converse` as well.
 */
export function providerServes(requested: string, entryProvider: string): boolean {
  if (requested === entryProvider) return true;
  switch (requested) {
    case 'vertex_ai':
      return entryProvider.startsWith('vertex_ai-');
    case 'bedrock':
      return entryProvider === 'bedrock_converse';
    case 'openai':
      return entryProvider === 'text-completion-openai';
    case 'azure':
      return entryProvider === 'azure_text';
    default:
      return false;
  }
}

/** The provider ids a model string may start with (`azure/gpt-4o`): every table provider and its family root. */
export function providerPrefixes(entryProviders: Iterable<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const provider of entryProviders) {
    prefixes.add(provider);
    const dash = provider.indexOf('-');
    if (provider.startsWith('vertex_ai') && dash !== -1) prefixes.add(provider.slice(0, dash));
  }
  return prefixes;
}

const datedSuffixes = [/-\d{4}-\d{2}-\d{2}$/, /-\d{8}$/, /@\d{8}$/];

/**
 * A dated model id without its date (`gpt-4o-2024-08-06` → `gpt-4o`, `claude-sonnet-4-5@20250929` →
 * `claude-sonnet-4-5`), or undefined when it carries no date. Only unambiguous dates are stripped: a four-digit
 * suffix such as `-0613` or `-2407` may as well be a version.
 */
export function undatedModel(model: string): string | undefined {
  for (const suffix of datedSuffixes) {
    if (suffix.test(model)) return model.replace(suffix, '');
  }
  return undefined;
}

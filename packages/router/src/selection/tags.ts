/** How a request's tags filter a group: no filter, by the request's tags, or the "default"-tagged deployments. */
export type TagMode = 'any' | 'request' | 'default';

export function tagsMatch(deploymentTags: readonly string[], requestTags: readonly string[], matchAny: boolean): boolean {
  if (matchAny) {
    for (const tag of requestTags) if (deploymentTags.includes(tag)) return true;
    return false;
  }
  for (const tag of requestTags) if (!deploymentTags.includes(tag)) return false;
  return true;
}

/** Reads request tags from metadata.tags, or a comma-separated x-switchyard-tags (or LiteLLM's x-litellm-tags) header. */
export function requestTags(
  metadata: Readonly<Record<string, unknown>> | null | undefined,
  headers: Readonly<Record<string, string | string[] | undefined>> | undefined,
): readonly string[] | undefined {
  const fromMetadata = metadata?.['tags'];
  if (Array.isArray(fromMetadata)) {
    const tags = fromMetadata.filter((tag): tag is string => typeof tag === 'string' && tag !== '');
    if (tags.length > 0) return tags;
  }
  const header = headers?.['x-switchyard-tags'] ?? headers?.['x-litellm-tags'];
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text) return undefined;
  const tags = text.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
  return tags.length > 0 ? tags : undefined;
}

/**
 * Finds the upstream server that owns a resource URI. Resource URIs are passed through unchanged (rewriting them
 * would break the links servers embed in their own content), so the owner is learnt from `resources/list` and
 * `resources/templates/list`, and when a single server offers resources it owns every URI.
 */
export class ResourceRouter {
  readonly #owners = new Map<string, string>();
  readonly #templates = new Map<string, Array<{ prefix: string }>>();
  readonly #maxEntries: number;

  constructor(maxEntries = 10_000) {
    this.#maxEntries = maxEntries;
  }

  remember(server: string, uris: readonly string[]): void {
    if (this.#owners.size + uris.length > this.#maxEntries) this.#owners.clear();
    for (const uri of uris) this.#owners.set(uri, server);
  }

  rememberTemplates(server: string, uriTemplates: readonly string[]): void {
    const prefixes = uriTemplates.map((template) => ({ prefix: template.split('{')[0] ?? '' })).filter((t) => t.prefix);
    this.#templates.set(server, prefixes);
  }

  /** The owner among `candidates` (servers the caller may use that offer resources), or undefined. */
  route(uri: string, candidates: readonly string[]): string | undefined {
    const known = this.#owners.get(uri);
    if (known !== undefined && candidates.includes(known)) return known;
    let best: { server: string; length: number } | undefined;
    for (const server of candidates) {
      for (const { prefix } of this.#templates.get(server) ?? []) {
        if (uri.startsWith(prefix) && prefix.length > (best?.length ?? 0)) best = { server, length: prefix.length };
      }
    }
    if (best) return best.server;
    return candidates.length === 1 ? candidates[0] : undefined;
  }
}

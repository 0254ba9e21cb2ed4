/** A model group name with "*" wildcards ("anthropic/*", "*", "fo::*:static::*"). */
export class WildcardPattern {
  readonly #regex: RegExp;
  /** How many literal characters the pattern has: the more, the more specific. */
  readonly specificity: number;

  constructor(readonly pattern: string) {
    const parts = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
    this.#regex = new RegExp(`^${parts.join('(.*)')}$`, 's');
    this.specificity = pattern.length - (parts.length - 1);
  }

  static isPattern(name: string): boolean {
    return name.includes('*');
  }

  /** The text each "*" matched, or undefined when the name does not match. */
  match(name: string): string[] | undefined {
    const result = this.#regex.exec(name);
    return result === null ? undefined : result.slice(1);
  }
}

/**
 * Fills a deployment's upstream model pattern with what the group pattern matched: group "anthropic/*" with model
 * "claude-*" and request "anthropic/claude-x" gives "claude-x". A pattern with more "*" than captures reuses the
 * last capture.
 */
export function fillWildcards(upstreamPattern: string, captures: readonly string[]): string {
  if (!upstreamPattern.includes('*')) return upstreamPattern;
  let index = 0;
  return upstreamPattern.replace(/\*/g, () => captures[Math.min(index++, captures.length - 1)] ?? '');
}

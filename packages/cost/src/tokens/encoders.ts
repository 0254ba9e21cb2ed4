import { createRequire } from 'node:module';

export type EncodingName = 'o200k_base' | 'cl100k_base';

interface Encoder {
  countTokens(text: string, options: { disallowedSpecial: Set<string> }): number;
}

const require = createRequire(import.meta.url);
const encoders = new Map<EncodingName, Encoder>();
// Text such as "<|endoftext|>" in a message is text, not a special token; gpt-tokenizer throws on it by default.
const asPlainText = { disallowedSpecial: new Set<string>() };

/**
 * The encoder, loaded on first use: parsing a BPE rank file takes 0.5 to 1.5 s, so importing this package does not
 * pay for it; `preloadTokenizers` pays it up front. Loaded synchronously so counting stays a synchronous call.
 */
function encoder(name: EncodingName): Encoder {
  let loaded = encoders.get(name);
  if (!loaded) {
    loaded = require(`gpt-tokenizer/cjs/encoding/${name}`) as Encoder;
    encoders.set(name, loaded);
  }
  return loaded;
}

// A chat resends its system prompt, history and tool definitions on every turn, so counts of longer texts are
// remembered. Bounded: at most 1024 texts of at most 16k characters per encoding (first in, first out).
const cacheableLength = { min: 64, max: 16_384 };
const cacheSize = 1024;
const counts = new Map<EncodingName, Map<string, number>>();

export function countTextTokens(text: string, encoding: EncodingName): number {
  if (text === '') return 0;
  if (text.length < cacheableLength.min || text.length > cacheableLength.max) {
    return encoder(encoding).countTokens(text, asPlainText);
  }
  let cache = counts.get(encoding);
  if (!cache) counts.set(encoding, (cache = new Map()));
  let count = cache.get(text);
  if (count === undefined) {
    count = encoder(encoding).countTokens(text, asPlainText);
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
    cache.set(text, count);
  }
  return count;
}

/** Loads both encoders now, e.g. at gateway start, so the first request does not wait for them. */
export function preloadTokenizers(): void {
  encoder('o200k_base');
  encoder('cl100k_base');
}

import type { EncodingName } from './encoders.js';

export interface TokenizerChoice {
  readonly encoding: EncodingName;
  /** False when the model's own tokenizer is not OpenAI's and the count is scaled from o200k_base. */
  readonly exact: boolean;
  /** Multiplier on the o200k_base count for approximate families (1 when exact). */
  readonly factor: number;
}

const o200k = /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|gpt-realtime|gpt-audio|o\d(-|$)|codex|computer-use)/;
const cl100k = /^(gpt-4|gpt-35|gpt-3\.5|text-embedding-(ada-002|3-))/;

/**
 * Ratios of the provider's reported output tokens to the o200k_base count of the same text, measured on the
 * recorded fixtures (tokenizer-calibration.test.ts): Claude Sonnet 4.5 1.16 to 1.29, Claude on
 * Bedrock 1.16, Gemini 3 1.07 to 1.08. Other families are not measured; 1.2 leans towards counting more.
 */
const approximations: ReadonlyArray<[RegExp, number]> = [
  [/claude/, 1.25],
  [/gemini|gemma/, 1.1],
];
const otherFactor = 1.2;

/**
 * The tokenizer for a model id (any provider prefix is ignored): o200k_base for GPT-4o, GPT-4.1, GPT-5 and the
 * o-series, cl100k_base for GPT-4, GPT-3.5 and the older embeddings, and an approximation for everything else.
 */
export function tokenizerForModel(model: string): TokenizerChoice {
  const name = model.toLowerCase().slice(model.lastIndexOf('/') + 1);
  if (o200k.test(name)) return { encoding: 'o200k_base', exact: true, factor: 1 };
  if (cl100k.test(name)) return { encoding: 'cl100k_base', exact: true, factor: 1 };
  const match = approximations.find(([pattern]) => pattern.test(name));
  return { encoding: 'o200k_base', exact: false, factor: match ? match[1] : otherFactor };
}

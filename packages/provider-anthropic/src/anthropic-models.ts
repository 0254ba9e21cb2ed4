/** What a Claude model accepts, as far as the request translation must know. */
export interface AnthropicModelTraits {
  maxOutputTokens: number;
  /** Native structured output (`output_config.format`). */
  structuredOutput: boolean;
  /** Extended thinking with `budget_tokens`. */
  thinking: boolean;
  /** `thinking: {type: "adaptive"}` with `output_config.effort`. */
  adaptiveThinking: boolean;
  /** The `xhigh` effort level. */
  xhighEffort: boolean;
  /** temperature, top_p and top_k are refused unless neutral (models after Claude Opus 4.6). */
  rejectsSampling: boolean;
  /** temperature and top_p may not both be set. */
  exclusiveTemperatureAndTopP: boolean;
}

const newest: AnthropicModelTraits = {
  maxOutputTokens: 128_000,
  structuredOutput: true,
  thinking: true,
  adaptiveThinking: true,
  xhighEffort: true,
  rejectsSampling: true,
  exclusiveTemperatureAndTopP: true,
};

const adaptive: AnthropicModelTraits = { ...newest, xhighEffort: false, rejectsSampling: false };

const claude45: AnthropicModelTraits = { ...adaptive, maxOutputTokens: 64_000, adaptiveThinking: false };

const claude4: AnthropicModelTraits = {
  ...claude45,
  structuredOutput: false,
  exclusiveTemperatureAndTopP: false,
};

const claude3: AnthropicModelTraits = { ...claude4, maxOutputTokens: 8_192, thinking: false };

const families: ReadonlyArray<readonly [RegExp, AnthropicModelTraits]> = [
  [/claude-(opus-5|opus-4-[78]|fable-5|sonnet-5)/, newest],
  [/claude-(opus|sonnet)-4-6/, adaptive],
  [/claude-(opus|sonnet|haiku)-4-5/, claude45],
  [/claude-opus-4-1/, { ...claude45, maxOutputTokens: 32_000 }],
  [/claude-sonnet-4(-|@|$)/, claude4],
  [/claude-opus-4(-|@|$)/, { ...claude4, maxOutputTokens: 32_000 }],
  [/claude-3-7-sonnet/, claude4],
  [/claude-3-5-(sonnet|haiku)/, claude3],
  [/claude-(3|2|instant)/, { ...claude3, maxOutputTokens: 4_096 }],
];

/** Not a Claude id (an Anthropic-compatible server): send only what every server accepts. */
const foreign: AnthropicModelTraits = { ...claude3, maxOutputTokens: 4_096 };

/**
 * The traits of a model id. An unknown `claude-` id is newer than this table and gets the newest traits, so a
 * request never carries parameters that such a model refuses.
 */
export function anthropicModelTraits(modelId: string): AnthropicModelTraits {
  for (const [pattern, traits] of families) if (pattern.test(modelId)) return traits;
  return modelId.includes('claude-') ? newest : foreign;
}

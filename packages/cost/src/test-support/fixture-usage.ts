import { readFileSync } from 'node:fs';
import type { Usage } from '@switchyard/core';

/**
 * Reads the usage a recorded provider response reports and translates it to OpenAI usage by the rules the
 * provider packages document (prompt_tokens includes cache reads and writes; completion_tokens includes reasoning):
 * - Anthropic: prompt = input + cache_read + cache_creation; completion = output_tokens; reasoning =
 *   output_tokens_details.thinking_tokens. In a stream, message_delta's counts replace message_start's.
 * - Bedrock Converse: prompt = inputTokens + cacheReadInputTokens + cacheWriteInputTokens; completion = outputTokens.
 * - Gemini: prompt = promptTokenCount + toolUsePromptTokenCount; completion = candidatesTokenCount +
 *   thoughtsTokenCount; cached = cachedContentTokenCount; reasoning = thoughtsTokenCount. The last usageMetadata
 *   with counts wins.
 * - OpenAI and OpenAI-compatible: the usage as sent (xAI's completion_tokens leave reasoning out, as xAI sends it);
 *   a Groq stream carries it under `x_groq.usage`, which provider-openai lifts to `usage`.
 */
export interface FixtureUsage {
  usage: Usage;
  model: string;
  provider: string;
  /** The provider's own total, to cross-check the translation. */
  reportedTotal?: number;
}

type Json = Record<string, unknown>;

export function readFixtureObjects(path: string): Json[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.json')) return [JSON.parse(text) as Json];
  const objects: Json[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.startsWith('data:') ? raw.slice(5).trim() : raw.trim();
    if (line === '' || line === '[DONE]' || line.startsWith('event:')) continue;
    objects.push(JSON.parse(line) as Json);
  }
  return objects;
}

const numberOr0 = (value: unknown): number => (typeof value === 'number' ? value : 0);

function anthropicUsage(objects: Json[]): FixtureUsage | undefined {
  let counts: Json | undefined;
  let model: string | undefined;
  for (const object of objects) {
    const message = object.message as Json | undefined;
    const usage = (object.type === 'message_delta' ? object.usage : (message ?? object).usage) as Json | undefined;
    if (typeof (message ?? object).model === 'string' && model === undefined) model = (message ?? object).model as string;
    if (object.type === 'content_block_start') {
      const block = object.content_block as Json;
      if (block.type === 'fallback') model = (block.to as Json).model as string;
    }
    if (usage) counts = { ...counts, ...Object.fromEntries(Object.entries(usage).filter(([, v]) => v != null)) };
  }
  if (!counts || !model) return undefined;
  const cacheRead = numberOr0(counts.cache_read_input_tokens);
  const cacheWrite = numberOr0(counts.cache_creation_input_tokens);
  const prompt = numberOr0(counts.input_tokens) + cacheRead + cacheWrite;
  const completion = numberOr0(counts.output_tokens);
  const thinking = (counts.output_tokens_details as Json | undefined)?.thinking_tokens;
  return {
    model,
    provider: 'anthropic',
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { cached_tokens: cacheRead, cache_creation_tokens: cacheWrite },
      ...(typeof thinking === 'number' ? { completion_tokens_details: { reasoning_tokens: thinking } } : {}),
    },
  };
}

// The vercel/ai Bedrock tests that recorded these files call anthropic.claude-3-haiku-20240307-v1:0; the
// responses do not name the model.
export const bedrockFixtureModel = 'anthropic.claude-3-haiku-20240307-v1:0';

function bedrockUsage(objects: Json[]): FixtureUsage | undefined {
  const found = objects.map((o) => (o.usage ?? (o.metadata as Json | undefined)?.usage) as Json | undefined);
  const counts = found.filter((usage) => usage !== undefined).at(-1);
  if (!counts) return undefined;
  const cacheRead = numberOr0(counts.cacheReadInputTokens);
  const cacheWrite = numberOr0(counts.cacheWriteInputTokens);
  const prompt = numberOr0(counts.inputTokens) + cacheRead + cacheWrite;
  const completion = numberOr0(counts.outputTokens);
  const reportsCache = counts.cacheReadInputTokens != null || counts.cacheWriteInputTokens != null;
  return {
    model: bedrockFixtureModel,
    provider: 'bedrock',
    reportedTotal: numberOr0(counts.totalTokens),
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      ...(reportsCache ? { prompt_tokens_details: { cached_tokens: cacheRead, cache_creation_tokens: cacheWrite } } : {}),
    },
  };
}

function googleUsage(objects: Json[]): FixtureUsage | undefined {
  const withCounts = objects.filter((o) => (o.usageMetadata as Json | undefined)?.promptTokenCount !== undefined);
  const last = withCounts.at(-1);
  if (!last) return undefined;
  const metadata = last.usageMetadata as Json;
  const prompt = numberOr0(metadata.promptTokenCount) + numberOr0(metadata.toolUsePromptTokenCount);
  const thoughts = numberOr0(metadata.thoughtsTokenCount);
  const completion = numberOr0(metadata.candidatesTokenCount) + thoughts;
  return {
    model: last.modelVersion as string,
    provider: 'gemini',
    reportedTotal: numberOr0(metadata.totalTokenCount),
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: numberOr0(metadata.totalTokenCount),
      prompt_tokens_details: { cached_tokens: numberOr0(metadata.cachedContentTokenCount) },
      completion_tokens_details: { reasoning_tokens: thoughts },
    },
  };
}

function openAiUsage(objects: Json[], provider: string): FixtureUsage | undefined {
  const usage = objects
    .map((o) => (o.usage ?? (o.x_groq as Json | undefined)?.usage) as Usage | null | undefined)
    .filter((u) => u != null)
    .at(-1);
  const model = objects.map((o) => o.model).filter((m): m is string => typeof m === 'string' && m !== '').at(-1);
  if (!usage || !model) return undefined;
  return { model, provider, usage, reportedTotal: usage.total_tokens };
}

function openAiCompatibleProvider(file: string): string {
  if (file.startsWith('deepseek-')) return 'deepseek';
  if (file.startsWith('xai-')) return 'xai';
  if (file.startsWith('groq-')) return 'groq';
  if (file.startsWith('anthropic-')) return 'anthropic';
  throw new Error(`no provider known for openai-compatible fixture ${file}`);
}

/** The usage of one fixture file in `family/file` form, or undefined when the response reports none. */
export function fixtureUsage(fixturesDir: string, family: string, file: string): FixtureUsage | undefined {
  const objects = readFixtureObjects(`${fixturesDir}/${family}/${file}`);
  switch (family) {
    case 'anthropic':
      return anthropicUsage(objects);
    case 'bedrock':
      return bedrockUsage(objects);
    case 'google':
      return googleUsage(objects);
    case 'openai':
    case 'azure':
      return openAiUsage(objects, family);
    case 'openai-compatible':
      return openAiUsage(objects, openAiCompatibleProvider(file));
    default:
      throw new Error(`unknown fixture family ${family}`);
  }
}

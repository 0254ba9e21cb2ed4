import {
  streamPartFromChunk,
  streamPartFromJson,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatStreamPart,
  type Usage,
} from '@switchyard/core';
import type { PresetQuirks } from './preset-types.js';

/** Whether a preset's answers need rewriting before an OpenAI client may read them. */
export function needsResponseRewrite(quirks: PresetQuirks | undefined): boolean {
  return Boolean(quirks?.reasoningField || quirks?.streamUsageUnderXGroq);
}

/** Moves a vendor's reasoning field to `reasoning_content`; returns whether anything changed. */
function renameReasoning(target: Record<string, unknown> | undefined, field: string): boolean {
  if (!target || !(field in target)) return false;
  const value = target[field];
  if (typeof value === 'string' && (target.reasoning_content === undefined || target.reasoning_content === null)) {
    target.reasoning_content = value;
  }
  delete target[field];
  return true;
}

/** Rewrites a non-streamed completion in place for the preset's quirks; returns whether it changed. */
export function rewriteCompletion(quirks: PresetQuirks | undefined, completion: ChatCompletion): boolean {
  const field = quirks?.reasoningField;
  if (!field) return false;
  let changed = false;
  for (const choice of completion.choices) {
    changed = renameReasoning(choice.message as Record<string, unknown> | undefined, field) || changed;
  }
  return changed;
}

function liftGroqUsage(chunk: ChatCompletionChunk): boolean {
  if (chunk.usage) return false;
  const usage = (chunk.x_groq as { usage?: Usage } | undefined)?.usage;
  if (!usage) return false;
  chunk.usage = usage;
  return true;
}

/**
 * A function that turns one stream event's JSON text into a part, rewriting only the events that carry a quirk
 * (found by a substring test, so the other events still pass through as the upstream's text).
 */
export function createChunkRewriter(quirks: PresetQuirks | undefined): ((json: string) => ChatStreamPart) | undefined {
  if (!needsResponseRewrite(quirks)) return undefined;
  const field = quirks?.reasoningField;
  const fieldMarker = field ? `"${field}"` : undefined;
  const groq = quirks?.streamUsageUnderXGroq === true;
  return (json) => {
    const hasField = fieldMarker !== undefined && json.includes(fieldMarker);
    const hasGroq = groq && json.includes('"x_groq"');
    if (!hasField && !hasGroq) return streamPartFromJson(json);
    const chunk = JSON.parse(json) as ChatCompletionChunk;
    let changed = hasGroq && liftGroqUsage(chunk);
    if (hasField && field) {
      for (const choice of chunk.choices ?? []) changed = renameReasoning(choice.delta, field) || changed;
    }
    return changed ? streamPartFromChunk(chunk) : streamPartFromJson(json);
  };
}

import { describe, expect, it } from 'vitest';
import { mapBedrockFinishReason } from './map-bedrock-finish-reason.js';

describe('mapBedrockFinishReason', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['guardrail_intervened', 'content_filter'],
    ['content_filtered', 'content_filter'],
    ['malformed_model_output', 'stop'],
    ['malformed_tool_use', 'stop'],
    ['something_new', 'stop'],
    [undefined, 'stop'],
  ] as const)('%s → %s', (reason, expected) => {
    expect(mapBedrockFinishReason(reason)).toBe(expected);
  });

  it('turns tool_use into stop once the JSON-mode tool answered, and leaves other reasons alone', () => {
    expect(mapBedrockFinishReason('tool_use', true)).toBe('stop');
    expect(mapBedrockFinishReason('max_tokens', true)).toBe('length');
  });
});

import { describe, expect, it } from 'vitest';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';

describe('mapAnthropicFinishReason', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['pause_turn', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['compaction', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['content_filtered', 'content_filter'],
  ])('maps %s to %s', (stopReason, finishReason) => {
    expect(mapAnthropicFinishReason(stopReason)).toBe(finishReason);
  });

  it('reports a tool_use stop as stop when the call was the response_format answer', () => {
    expect(mapAnthropicFinishReason('tool_use', true)).toBe('stop');
  });

  it('maps a missing or unknown stop reason to stop', () => {
    expect(mapAnthropicFinishReason(null)).toBe('stop');
    expect(mapAnthropicFinishReason(undefined)).toBe('stop');
    expect(mapAnthropicFinishReason('a_future_reason')).toBe('stop');
  });

  it('does not treat inherited object keys as stop reasons', () => {
    expect(mapAnthropicFinishReason('constructor')).toBe('stop');
    expect(mapAnthropicFinishReason('toString')).toBe('stop');
  });
});

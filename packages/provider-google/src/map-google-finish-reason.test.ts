import { describe, expect, it } from 'vitest';
import { mapGoogleFinishReason, toolCallFailureReasons } from './map-google-finish-reason.js';

describe('mapGoogleFinishReason', () => {
  it('maps STOP to stop, or to tool_calls when the answer calls functions', () => {
    expect(mapGoogleFinishReason('STOP', false)).toBe('stop');
    expect(mapGoogleFinishReason('STOP', true)).toBe('tool_calls');
  });

  it('maps MAX_TOKENS to length even with function calls', () => {
    expect(mapGoogleFinishReason('MAX_TOKENS', false)).toBe('length');
    expect(mapGoogleFinishReason('MAX_TOKENS', true)).toBe('length');
  });

  it.each(['SAFETY', 'RECITATION', 'LANGUAGE', 'OTHER', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'NO_IMAGE'])(
    'maps %s to content_filter',
    (reason) => {
      expect(mapGoogleFinishReason(reason, false)).toBe('content_filter');
    },
  );

  it('maps unknown and unspecified reasons to stop', () => {
    expect(mapGoogleFinishReason('FINISH_REASON_UNSPECIFIED', false)).toBe('stop');
    expect(mapGoogleFinishReason('SOMETHING_NEW', false)).toBe('stop');
    expect(mapGoogleFinishReason(undefined, false)).toBe('stop');
  });

  it('lists the tool-call failures that must not become a finish reason', () => {
    expect([...toolCallFailureReasons].sort()).toEqual([
      'MALFORMED_FUNCTION_CALL',
      'MISSING_THOUGHT_SIGNATURE',
      'TOO_MANY_TOOL_CALLS',
      'UNEXPECTED_TOOL_CALL',
    ]);
  });
});

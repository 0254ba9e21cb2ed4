import { describe, expect, it } from 'vitest';
import { decodeToolCallId, encodeToolCallId } from './google-tool-call-id.js';

describe('tool call ids', () => {
  it('carries a thought signature through an id and back', () => {
    const id = encodeToolCallId(undefined, 'EqUCCqICAb4+9vsh/8Pd5==');
    expect(id).toMatch(/^call_[0-9a-f]{24}__thought__EqUCCqICAb4\+9vsh\/8Pd5==$/);
    expect(decodeToolCallId(id)).toEqual({ id: id.slice(0, 29), thoughtSignature: 'EqUCCqICAb4+9vsh/8Pd5==' });
  });

  it("keeps Gemini's own function call id", () => {
    expect(encodeToolCallId('abc123', undefined)).toBe('abc123');
    expect(encodeToolCallId('abc123', 'sig')).toBe('abc123__thought__sig');
  });

  it('makes distinct ids for calls without one', () => {
    expect(encodeToolCallId(undefined, undefined)).not.toBe(encodeToolCallId(undefined, undefined));
  });

  it('reads an id without a signature as it is', () => {
    expect(decodeToolCallId('call_1')).toEqual({ id: 'call_1', thoughtSignature: undefined });
    expect(decodeToolCallId('call_1__thought__')).toEqual({ id: 'call_1', thoughtSignature: undefined });
  });
});

import { chatCompletionRequestSchema } from '@switchyard/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainChatRequest } from './plain-chat-request.js';

const edgeNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, 2, 2.5, -1, 0.5, Infinity, -Infinity, 128, 129, 2 ** 53, 0.1),
  fc.double(),
  fc.integer({ min: -5, max: 200 }),
);
const scalar = fc.oneof(edgeNumber, fc.string({ maxLength: 3 }), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));
const role = fc.oneof({ arbitrary: fc.constantFrom('system', 'developer', 'user', 'assistant'), weight: 8 }, fc.constantFrom('tool', 'function', ''));
const message = fc.oneof(
  { arbitrary: fc.record({ role, content: fc.string({ maxLength: 3 }) }), weight: 6 },
  fc.record({ role, content: fc.oneof(fc.string({ maxLength: 3 }), scalar) }),
  fc.dictionary(fc.constantFrom('role', 'content', 'name', 'tool_calls', 'refusal', '__proto__'), fc.oneof(role, fc.string({ maxLength: 3 }), scalar, fc.constant([{ type: 'text', text: 'x' }]))),
);
const extras = fc.dictionary(
  fc.constantFrom('stream', 'stream_options', 'temperature', 'top_p', 'max_tokens', 'max_completion_tokens', 'user', 'n', 'tools', 'seed', '__proto__'),
  fc.oneof(scalar, fc.dictionary(fc.constantFrom('include_usage', 'include_obfuscation', 'other'), fc.oneof(fc.boolean(), scalar))),
  { maxKeys: 3 },
);
const request = fc.tuple(fc.oneof({ arbitrary: fc.constant('gpt-4o-mini'), weight: 6 }, fc.constant(''), scalar), fc.array(message, { maxLength: 3 }), extras).map(([model, messages, rest]) => ({ model, messages, ...rest }));

/** A request as it arrives: parsed from JSON text (so `__proto__` is a plain own key, as JSON.parse makes it). */
const parsed = request.map((value) => JSON.parse(JSON.stringify(value)) as unknown);

describe('isPlainChatRequest', () => {
  it('accepts the common request', () => {
    const body = { model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi', name: 'ann' }], stream: true, stream_options: { include_usage: true }, temperature: 0.2, max_tokens: 64 };
    expect(isPlainChatRequest(body)).toBe(true);
  });

  it('leaves anything unusual to the schema', () => {
    for (const body of [
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }] },
      { model: 'm', messages: [{ role: 'tool', content: 'x', tool_call_id: 't' }] },
      { model: 'm', messages: [{ role: 'user', content: 'x' }], tools: [] },
      { model: 'm', messages: [] },
      { model: '', messages: [{ role: 'user', content: 'x' }] },
      { messages: [{ role: 'user', content: 'x' }] },
      { model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 3 },
      JSON.parse('{"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":1e999}') as unknown,
      [],
      null,
    ]) {
      expect(isPlainChatRequest(body)).toBe(false);
    }
  });

  it('accepts only what the schema accepts, and the schema returns it unchanged but for key order', () => {
    let accepted = 0;
    fc.assert(
      fc.property(parsed, (body) => {
        if (!isPlainChatRequest(body)) return;
        accepted++;
        const result = chatCompletionRequestSchema.safeParse(body);
        expect(result.success).toBe(true);
        expect(result.data).toStrictEqual(body);
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});

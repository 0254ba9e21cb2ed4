import { describe, expect, it } from 'vitest';
import { chatCompletionRequestSchema } from './chat-completion-request.js';

describe('chatCompletionRequestSchema', () => {
  it('accepts a full request and keeps unknown fields', () => {
    const parsed = chatCompletionRequestSchema.parse({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AA==' } }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 't1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 't1', content: '42' },
      ],
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
      tool_choice: 'auto',
      stream: true,
      stream_options: { include_usage: true },
      vendor_extra: { keep: true },
    });
    expect(parsed['vendor_extra']).toEqual({ keep: true });
  });

  it.each([
    [{ messages: [{ role: 'user', content: 'x' }] }, 'model'],
    [{ model: 'm', messages: [] }, 'messages'],
    [{ model: 'm', messages: [{ role: 'wizard', content: 'x' }] }, 'messages'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 'hot' }, 'temperature'],
    [{ model: 'm', messages: [{ role: 'tool', content: 'x' }] }, 'messages'],
  ])('rejects %j at %s', (body, path) => {
    const result = chatCompletionRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(String(result.error?.issues[0]?.path[0])).toBe(path);
  });
});

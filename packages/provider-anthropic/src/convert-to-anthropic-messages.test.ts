import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatMessage } from '@switchyard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useUpstreamCapture } from './anthropic-capture.test-utils.js';

const upstream = useUpstreamCapture();
const model = 'claude-sonnet-4-5-20250929';
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function sent(messages: ChatMessage[], settings = {}) {
  return (await upstream.send({ model, messages }, settings)).body;
}

describe('messages: roles and turns', () => {
  it('moves system and developer messages, in order, to the top-level system blocks', async () => {
    const body = await sent([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
      { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
    ]);
    expect(body.system).toEqual([
      { type: 'text', text: 'Be brief.' },
      { type: 'text', text: 'Answer in French.' },
    ]);
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
  });

  it('merges consecutive user turns and consecutive assistant turns', async () => {
    const body = await sent([
      { role: 'user', content: 'One' },
      { role: 'user', content: 'Two' },
      { role: 'assistant', content: 'A' },
      { role: 'assistant', content: 'B' },
      { role: 'user', content: 'Three' },
    ]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'One' }, { type: 'text', text: 'Two' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'A' }, { type: 'text', text: 'B' }] },
      { role: 'user', content: [{ type: 'text', text: 'Three' }] },
    ]);
  });

  it('keeps multi-part content in order and drops empty text parts', async () => {
    const body = await sent([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look:' },
          { type: 'text', text: '' },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } },
        ],
      },
    ]);
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look:' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png.toString('base64') } },
        ],
      },
    ]);
  });

  it('sends a final assistant message as a prefill without trailing whitespace', async () => {
    const body = await sent([
      { role: 'user', content: 'Give JSON.' },
      { role: 'assistant', content: '{"answer": \n ' },
    ]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Give JSON.' }] },
      { role: 'assistant', content: [{ type: 'text', text: '{"answer":' }] },
    ]);
  });

  it('refuses function messages, naming the field', async () => {
    const error = await upstream.refuse({
      model,
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'function', name: 'lookup', content: '42' },
      ],
    });
    expect(error.kind).toBe('bad_request');
    expect(error.param).toBe('messages[1].role');
  });

  it('refuses a conversation with only system messages', async () => {
    const error = await upstream.refuse({ model, messages: [{ role: 'system', content: 'Be brief.' }] });
    expect(error.kind).toBe('bad_request');
    expect(error.param).toBe('messages');
  });
});

describe('messages: tool calls and results', () => {
  it('turns assistant tool_calls into tool_use blocks with parsed input, {} for empty arguments', async () => {
    const body = await sent([
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          { id: 'toolu_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          { id: 'toolu_2', type: 'function', function: { name: 'time', arguments: '' } },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: 'sunny' },
      { role: 'tool', tool_call_id: 'toolu_2', content: [{ type: 'text', text: 'noon' }] },
      { role: 'user', content: 'Thanks' },
    ]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'toolu_2', name: 'time', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: 'sunny' },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: [{ type: 'text', text: 'noon' }] },
          { type: 'text', text: 'Thanks' },
        ],
      },
    ]);
  });

  it.each([
    ['{"city":', 'Tool call arguments must be a JSON object; these are not valid JSON.'],
    ['[1,2]', 'Tool call arguments must be a JSON object.'],
  ])('refuses tool call arguments %s', async (args, message) => {
    const error = await upstream.refuse({
      model,
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: null, tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: args } }] },
      ],
    });
    expect(error.message).toBe(message);
    expect(error.param).toBe('messages[1].tool_calls[0].function.arguments');
  });

  it('sends signed thinking blocks back first and drops reasoning it cannot sign', async () => {
    const body = await sent([
      { role: 'user', content: 'Q' },
      {
        role: 'assistant',
        content: 'A',
        reasoning_content: 'unsigned thoughts',
        thinking_blocks: [
          { type: 'thinking', thinking: 'I think.', signature: 'sig-1' },
          { type: 'redacted_thinking', data: 'opaque' },
          { type: 'thinking', thinking: 'No signature.' },
        ],
      },
      { role: 'user', content: 'Q2' },
    ]);
    expect((body.messages as Array<{ content: unknown }>)[1]?.content).toEqual([
      { type: 'thinking', thinking: 'I think.', signature: 'sig-1' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'text', text: 'A' },
    ]);
  });
});

describe('messages: prompt caching', () => {
  it('passes cache_control through on parts, messages (last block), system messages and tool results', async () => {
    const ephemeral = { type: 'ephemeral' };
    const body = await sent([
      { role: 'system', content: [{ type: 'text', text: 'Long instructions', cache_control: ephemeral }] },
      { role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }], cache_control: { type: 'ephemeral', ttl: '1h' } },
      { role: 'assistant', content: null, tool_calls: [{ id: 't1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 't1', content: 'result', cache_control: ephemeral },
    ] as ChatMessage[]);
    expect(body.system).toEqual([{ type: 'text', text: 'Long instructions', cache_control: ephemeral }]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b', cache_control: { type: 'ephemeral', ttl: '1h' } }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'f', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'result', cache_control: ephemeral }] },
    ]);
  });
});

describe('messages: images and files', () => {
  let imageServer: Server;
  let imageUrl = '';
  const requests: string[] = [];

  beforeAll(async () => {
    imageServer = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(png);
    });
    await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve));
    imageUrl = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}/cat.png`;
  });
  afterAll(async () => {
    imageServer.closeAllConnections();
    await new Promise((resolve) => imageServer.close(resolve));
  });

  const withImage = (url: string): ChatMessage[] => [
    { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url } }] },
  ];

  it('downloads an http(s) image and sends its bytes, with the type read from the bytes', async () => {
    const body = await sent(withImage(imageUrl), { options: { media: { allowPrivate: true } } });
    const content = (body.messages as Array<{ content: unknown[] }>)[0]?.content;
    expect(content?.[1]).toEqual({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: png.toString('base64') } });
  });

  it('refuses an image URL on a loopback address by default, without fetching it or calling upstream', async () => {
    const before = requests.length;
    const error = await upstream.refuse({ model, messages: withImage(imageUrl) });
    expect(error.kind).toBe('bad_request');
    expect(error.param).toBe('messages[0].content[1].image_url.url');
    expect(error.message).toBe('The address 127.0.0.1 is a loopback address; only public addresses may be fetched.');
    expect(requests.length).toBe(before);
  });

  it('forwards the URL for Anthropic to fetch when media.urlMode is forward', async () => {
    const body = await sent(withImage('https://example.com/cat.png'), { options: { media: { urlMode: 'forward' } } });
    const content = (body.messages as Array<{ content: unknown[] }>)[0]?.content;
    expect(content?.[1]).toEqual({ type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } });
  });

  it('refuses image types Anthropic does not read', async () => {
    const error = await upstream.refuse({ model, messages: withImage('data:image/bmp;base64,Qk0=') });
    expect(error.message).toBe('Anthropic accepts JPEG, PNG, GIF and WebP images, not image/bmp.');
    expect(error.param).toBe('messages[0].content[1].image_url.url');
  });

  it('sends a PDF file part as a document block', async () => {
    const body = await sent([
      { role: 'user', content: [{ type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' } }] },
    ]);
    expect((body.messages as Array<{ content: unknown[] }>)[0]?.content).toEqual([
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' }, title: 'a.pdf' },
    ]);
  });

  it('refuses audio input', async () => {
    const error = await upstream.refuse({
      model,
      messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }] }],
    });
    expect(error.message).toBe('Anthropic models do not accept audio input.');
    expect(error.param).toBe('messages[0].content[0]');
  });
});

import type { ChatCompletionRequest, ChatMessage } from '@switchyard/core';
import { startRecordedServer, type RecordedServer } from '@switchyard/provider-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCaptureServer } from './google-capture.test-utils.js';
import { jsonFixture } from './google-conformance-cases.test-utils.js';
import { placeholderThoughtSignature } from './convert-google-assistant-parts.js';

const harness = useCaptureServer();
const chat = (messages: ChatMessage[], model = 'gemini-2.5-flash'): ChatCompletionRequest => ({ model, messages });
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('messages → contents', () => {
  it('moves system and developer messages, wherever they stand, to systemInstruction', async () => {
    const body = await harness.body(
      chat([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
      ]),
    );
    expect(body['systemInstruction']).toEqual({ parts: [{ text: 'Be brief.' }, { text: 'Answer in French.' }] });
    expect(body['contents']).toEqual([{ role: 'user', parts: [{ text: 'Hi' }] }]);
  });

  it('sends a conversation of system messages only as one user turn', async () => {
    const body = await harness.body(chat([{ role: 'system', content: 'Say hello.' }]));
    expect(body['contents']).toEqual([{ role: 'user', parts: [{ text: 'Say hello.' }] }]);
    expect(body['systemInstruction']).toBeUndefined();
  });

  it('sends assistant turns as role model', async () => {
    const body = await harness.body(chat([{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }, { role: 'user', content: 'Bye' }]));
    expect(body['contents']).toEqual([
      { role: 'user', parts: [{ text: 'Hi' }] },
      { role: 'model', parts: [{ text: 'Hello!' }] },
      { role: 'user', parts: [{ text: 'Bye' }] },
    ]);
  });

  it('merges consecutive turns of one role so user and model alternate', async () => {
    const body = await harness.body(chat([{ role: 'user', content: 'One' }, { role: 'user', content: 'Two' }, { role: 'assistant', content: 'Ok' }, { role: 'assistant', content: 'Done' }]));
    expect(body['contents']).toEqual([
      { role: 'user', parts: [{ text: 'One' }, { text: 'Two' }] },
      { role: 'model', parts: [{ text: 'Ok' }, { text: 'Done' }] },
    ]);
  });

  it('skips empty text and rejects a conversation with no content at all', async () => {
    const body = await harness.body(chat([{ role: 'user', content: '' }, { role: 'user', content: [{ type: 'text', text: '' }, { type: 'text', text: 'x' }] }]));
    expect(body['contents']).toEqual([{ role: 'user', parts: [{ text: 'x' }] }]);
    const error = await harness.rejected(chat([{ role: 'user', content: '' }]));
    expect([error.kind, error.param]).toEqual(['bad_request', 'messages']);
  });

  it('sends multi-part content in order, a data: URL image as inlineData', async () => {
    const body = await harness.body(
      chat([{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } }] }]),
    );
    expect(body['contents']).toEqual([{ role: 'user', parts: [{ text: 'What is this?' }, { inlineData: { mimeType: 'image/png', data: png.toString('base64') } }] }]);
  });

  it('sends gs:// images as fileData with the media type of their extension', async () => {
    const body = await harness.body(chat([{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'gs://bucket/cat.JPG' } }] }]));
    expect(body['contents']).toEqual([{ role: 'user', parts: [{ fileData: { mimeType: 'image/jpeg', fileUri: 'gs://bucket/cat.JPG' } }] }]);
  });

  it('rejects a gs:// file whose media type cannot be told, naming the part', async () => {
    const error = await harness.rejected(chat([{ role: 'user', content: [{ type: 'text', text: 'x' }, { type: 'image_url', image_url: { url: 'gs://bucket/blob' } }] }]));
    expect(error.param).toBe('messages[0].content[1].image_url.url');
  });

  it('sends Gemini File API URIs as fileData without fetching them', async () => {
    const uri = 'https://generativelanguage.googleapis.com/v1beta/files/abc123';
    const body = await harness.body(chat([{ role: 'user', content: [{ type: 'image_url', image_url: { url: uri } }] }]));
    expect(body['contents']).toEqual([{ role: 'user', parts: [{ fileData: { fileUri: uri } }] }]);
  });

  it('sends input_audio as inlineData and a file data: URL as inlineData', async () => {
    const body = await harness.body(
      chat([
        {
          role: 'user',
          content: [
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
            { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' } },
          ],
        },
      ]),
    );
    expect(body['contents']).toEqual([
      { role: 'user', parts: [{ inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } }, { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0=' } }] },
    ]);
  });

  it('rejects a file part with only an opaque file id', async () => {
    const error = await harness.rejected(chat([{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc' } }] }]));
    expect(error.param).toBe('messages[0].content[0].file');
  });
});

describe('http(s) media URLs', () => {
  let images: RecordedServer | undefined;
  beforeAll(async () => {
    images = await startRecordedServer();
  });
  afterAll(async () => {
    await images?.close();
  });
  const imageRequest = (url: string) => chat([{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }]);

  it('fetches them and sends them inline when the policy allows the host', async () => {
    images?.enqueue({ status: 200, headers: { 'content-type': 'image/png' }, body: png });
    const body = await harness.body(imageRequest(`${images?.origin}/cat`), { mediaFetch: { allowPrivate: true } });
    expect(body['contents']).toEqual([{ role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: png.toString('base64') } }] }]);
  });

  it('refuses loopback and private addresses by default, naming the part', async () => {
    const before = images?.requests.length;
    const error = await harness.rejected(imageRequest(`${images?.origin}/cat.png`));
    expect([error.kind, error.param, error.code]).toEqual(['bad_request', 'messages[0].content[0].image_url.url', 'url_not_allowed']);
    expect(images?.requests.length).toBe(before);
  });

  it('refuses a file over the size cap', async () => {
    images?.enqueue({ status: 200, headers: { 'content-type': 'image/png' }, body: Buffer.alloc(2048) });
    const error = await harness.rejected(imageRequest(`${images?.origin}/big.png`), { mediaFetch: { allowPrivate: true, maxBytes: 1024 } });
    expect(error.code).toBe('url_content_too_large');
  });

  it('takes the fetch policy from options.media_fetch', async () => {
    images?.enqueue({ status: 200, headers: { 'content-type': 'image/webp' }, body: png });
    const body = await harness.body(imageRequest(`${images?.origin}/x`), { options: { media_fetch: { allow_private: true } } });
    expect(body['contents']).toEqual([{ role: 'user', parts: [{ inlineData: { mimeType: 'image/webp', data: png.toString('base64') } }] }]);
  });
});

describe('tool calls and results in the history', () => {
  const toolTurn: ChatMessage[] = [
    { role: 'user', content: 'Weather in Paris and Rome?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_1__thought__c2lnLTE=', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
        { id: 'call_2', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } },
      ],
    },
    { role: 'tool', tool_call_id: 'call_1__thought__c2lnLTE=', content: '{"celsius":21}' },
    { role: 'tool', tool_call_id: 'call_2', content: 'sunny' },
  ];

  it('sends tool calls as functionCall parts with parsed arguments and the signature from the id', async () => {
    const contents = (await harness.body(chat(toolTurn)))['contents'] as unknown[];
    expect(contents[1]).toEqual({
      role: 'model',
      parts: [
        { functionCall: { name: 'weather', args: { city: 'Paris' } }, thoughtSignature: 'c2lnLTE=' },
        { functionCall: { name: 'weather', args: { city: 'Rome' } } },
      ],
    });
  });

  it('sends tool results as functionResponse parts named after their call, in one user turn', async () => {
    const contents = (await harness.body(chat(toolTurn)))['contents'] as unknown[];
    expect(contents[2]).toEqual({
      role: 'user',
      parts: [
        { functionResponse: { name: 'weather', response: { celsius: 21 } } },
        { functionResponse: { name: 'weather', response: { content: 'sunny' } } },
      ],
    });
  });

  it('gives unsigned calls the placeholder signature on Gemini 3, which requires one', async () => {
    const contents = (await harness.body(chat(toolTurn, 'gemini-3-pro-preview')))['contents'] as Array<{ parts: Array<Record<string, unknown>> }>;
    expect(contents[1]?.parts.map((part) => part['thoughtSignature'])).toEqual(['c2lnLTE=', placeholderThoughtSignature]);
  });

  it('sends legacy function messages as functionResponse parts', async () => {
    const body = await harness.body(chat([{ role: 'user', content: 'x' }, { role: 'function', name: 'lookup', content: '42' }]));
    expect(body['contents']).toEqual([{ role: 'user', parts: [{ text: 'x' }, { functionResponse: { name: 'lookup', response: { content: '42' } } }] }]);
  });

  it('rejects a tool result that answers no earlier tool call', async () => {
    const error = await harness.rejected(chat([{ role: 'user', content: 'x' }, { role: 'tool', tool_call_id: 'call_404', content: 'r' }]));
    expect([error.kind, error.param]).toEqual(['bad_request', 'messages[1].tool_call_id']);
  });

  it('rejects tool call arguments that are not a JSON object', async () => {
    const broken = structuredClone(toolTurn);
    const assistant = broken[1] as Extract<ChatMessage, { role: 'assistant' }>;
    if (assistant.tool_calls?.[1]) assistant.tool_calls[1].function.arguments = '{"city":';
    const error = await harness.rejected(chat(broken));
    expect(error.param).toBe('messages[1].tool_calls[1].function.arguments');
  });

  it('sends thinking blocks back as thought parts, and a text signature on the text', async () => {
    const body = await harness.body(
      chat([
        { role: 'user', content: 'Q' },
        {
          role: 'assistant',
          content: 'A',
          reasoning_content: 'thinking...',
          thinking_blocks: [
            { type: 'thinking', thinking: 'thinking...', signature: 's1' },
            { type: 'thinking', thinking: '', signature: 's2' },
          ],
        },
        { role: 'user', content: 'Q2' },
      ]),
    );
    expect((body['contents'] as unknown[])[1]).toEqual({
      role: 'model',
      parts: [{ text: 'thinking...', thought: true, thoughtSignature: 's1' }, { text: 'A', thoughtSignature: 's2' }],
    });
  });

  it('round-trips the recorded thought signature of a function call into the next request', async () => {
    const request = chat([{ role: 'user', content: 'Weather in San Francisco?' }], 'gemini-3-pro-preview');
    const first = await harness.answer(request, jsonFixture('google-tool-call.json'));
    const assistant = first.completion.choices[0]?.message;
    const call = assistant?.tool_calls?.[0];
    if (!assistant || !call) throw new Error('the recorded answer has a tool call');
    const next = await harness.body({
      ...request,
      messages: [...request.messages, { ...assistant, content: assistant.content ?? null }, { role: 'tool', tool_call_id: call.id, content: '{"temperature":18}' }],
    });
    expect((next['contents'] as unknown[]).slice(1)).toEqual([
      { role: 'model', parts: [{ functionCall: { name: 'weather', args: { location: 'San Francisco' } }, thoughtSignature: expect.stringMatching(/^EskgCsYgAb4\+9vtF7\//) as string }] },
      { role: 'user', parts: [{ functionResponse: { name: 'weather', response: { temperature: 18 } } }] },
    ]);
  });
});

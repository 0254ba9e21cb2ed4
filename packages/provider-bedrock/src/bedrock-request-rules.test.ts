import { SwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import { useRecordedServer, type CapturedRequest } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { createBedrock, type BedrockSettings } from './bedrock-provider.js';
import { awsOptions, chatRequest, converseResponse, expectSignedConverse } from './test/recorded-bedrock.js';

// Each test states one translation rule and checks it on the request the provider actually sent upstream.

const server = useRecordedServer();

async function sent(request: Partial<ChatCompletionRequest>, settings: BedrockSettings = {}): Promise<CapturedRequest> {
  server().clear();
  server().enqueue(converseResponse('amazon-bedrock-text.json'));
  const provider = createBedrock({ baseURL: server().origin, options: awsOptions, ...settings }, { env: {} });
  await provider.chat(chatRequest(request));
  const captured = await server().request(0);
  expectSignedConverse(captured, 'converse');
  return captured;
}

async function body(request: Partial<ChatCompletionRequest>, settings: BedrockSettings = {}): Promise<Record<string, unknown>> {
  return (await sent(request, settings)).json as Record<string, unknown>;
}

async function rejection(request: Partial<ChatCompletionRequest>, settings: BedrockSettings = {}): Promise<SwitchyardError> {
  server().clear();
  const provider = createBedrock({ baseURL: server().origin, options: awsOptions, ...settings }, { env: {} });
  const error = await provider.chat(chatRequest(request)).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(SwitchyardError.isInstance(error)).toBe(true);
  expect(server().requests).toHaveLength(0);
  return error as SwitchyardError;
}

const weather = { type: 'function' as const, function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } };

describe('messages', () => {
  it('system and developer messages become system text blocks, wherever they stand', async () => {
    const sentBody = await body({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
      ],
    });
    expect(sentBody['system']).toEqual([{ text: 'Be brief.' }, { text: 'Answer in French.' }]);
    expect(sentBody['messages']).toEqual([{ role: 'user', content: [{ text: 'Hi' }] }]);
  });

  it('consecutive turns of one role are merged so user and assistant alternate', async () => {
    const sentBody = await body({
      messages: [
        { role: 'user', content: 'one' },
        { role: 'user', content: [{ type: 'text', text: 'two' }, { type: 'text', text: 'three' }] },
        { role: 'assistant', content: 'a' },
        { role: 'assistant', content: 'b' },
        { role: 'user', content: 'four' },
      ],
    });
    expect(sentBody['messages']).toEqual([
      { role: 'user', content: [{ text: 'one' }, { text: 'two' }, { text: 'three' }] },
      { role: 'assistant', content: [{ text: 'a' }, { text: 'b' }] },
      { role: 'user', content: [{ text: 'four' }] },
    ]);
  });

  it('assistant tool calls become toolUse blocks and tool results toolResult blocks in a user turn', async () => {
    const sentBody = await body({
      tools: [weather],
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'Sunny' },
        { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: 'city is required' }], is_error: true },
        { role: 'user', content: 'Thanks' },
      ],
    });
    expect(sentBody['messages']).toEqual([
      { role: 'user', content: [{ text: 'Weather in Paris and Rome?' }] },
      {
        role: 'assistant',
        content: [
          { text: 'Checking.' },
          { toolUse: { toolUseId: 'call_1', name: 'get_weather', input: { city: 'Paris' } } },
          { toolUse: { toolUseId: 'call_2', name: 'get_weather', input: {} } },
        ],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: 'call_1', content: [{ text: 'Sunny' }] } },
          { toolResult: { toolUseId: 'call_2', content: [{ text: 'city is required' }], status: 'error' } },
          { text: 'Thanks' },
        ],
      },
    ]);
  });

  it('thinking_blocks go back as reasoningContent with their signatures, before the text', async () => {
    const sentBody = await body({
      messages: [
        { role: 'user', content: 'Q' },
        {
          role: 'assistant',
          content: 'A',
          reasoning_content: 'thought',
          thinking_blocks: [
            { type: 'thinking', thinking: 'thought', signature: 'sig-1' },
            { type: 'redacted_thinking', data: 'ZW5jcnlwdGVk' },
          ],
        },
        { role: 'user', content: 'Q2' },
      ],
    });
    expect((sentBody['messages'] as unknown[])[1]).toEqual({
      role: 'assistant',
      content: [
        { reasoningContent: { reasoningText: { text: 'thought', signature: 'sig-1' } } },
        { reasoningContent: { redactedContent: 'ZW5jcnlwdGVk' } },
        { text: 'A' },
      ],
    });
  });

  it('a data: image becomes an image block with base64 bytes and its format', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const sentBody = await body({
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } }] }],
    });
    expect(sentBody['messages']).toEqual([
      { role: 'user', content: [{ text: 'What is this?' }, { image: { format: 'png', source: { bytes: png } } }] },
    ]);
  });

  it('a file part with a PDF data URL becomes a document block', async () => {
    const sentBody = await body({
      messages: [{ role: 'user', content: [{ type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'report v2.pdf' } }] }],
    });
    expect(sentBody['messages']).toEqual([
      { role: 'user', content: [{ document: { format: 'pdf', name: 'report v2', source: { bytes: 'JVBERi0=' } } }] },
    ]);
  });

  it('cache_control on system, parts, messages and tools adds cachePoint blocks after them', async () => {
    const cache = { cache_control: { type: 'ephemeral' } };
    const sentBody = await body({
      tools: [{ ...weather, ...cache }],
      messages: [
        { role: 'system', content: 'Long instructions', ...cache },
        { role: 'user', content: [{ type: 'text', text: 'Long document', ...cache }, { type: 'text', text: 'Question' }] },
        { role: 'assistant', content: 'Answer', ...cache },
        { role: 'user', content: 'Next' },
      ],
    });
    const point = { cachePoint: { type: 'default' } };
    expect(sentBody['system']).toEqual([{ text: 'Long instructions' }, point]);
    expect(sentBody['messages']).toEqual([
      { role: 'user', content: [{ text: 'Long document' }, point, { text: 'Question' }] },
      { role: 'assistant', content: [{ text: 'Answer' }, point] },
      { role: 'user', content: [{ text: 'Next' }] },
    ]);
    expect((sentBody['toolConfig'] as { tools: unknown[] }).tools[1]).toEqual(point);
  });
});

describe('tools', () => {
  it('function tools become toolSpecs with cleaned input schemas', async () => {
    const sentBody = await body({
      tools: [
        { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { $schema: 'http://json-schema.org/draft-07/schema#', properties: { city: { type: 'string' } }, required: ['city'] } } },
        { type: 'function', function: { name: 'now' } },
      ],
    });
    expect(sentBody['toolConfig']).toEqual({
      tools: [
        { toolSpec: { name: 'get_weather', description: 'Weather', inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } } },
        { toolSpec: { name: 'now', inputSchema: { json: { type: 'object', properties: {} } } } },
      ],
    });
  });

  it.each([
    ['auto', { auto: {} }],
    ['required', { any: {} }],
    [{ type: 'function', function: { name: 'get_weather' } }, { tool: { name: 'get_weather' } }],
  ] as const)('tool_choice %j → toolChoice %j', async (choice, expected) => {
    const sentBody = await body({ tools: [weather], tool_choice: choice });
    expect((sentBody['toolConfig'] as { toolChoice: unknown }).toolChoice).toEqual(expected);
  });

  it('tool_choice "none" drops the tools with dropParams and is rejected without', async () => {
    const sentBody = await body({ tools: [weather], tool_choice: 'none' }, { dropParams: true });
    expect(sentBody['toolConfig']).toBeUndefined();
    const error = await rejection({ tools: [weather], tool_choice: 'none' });
    expect(error.kind).toBe('bad_request');
    expect(error.param).toBe('tool_choice');
  });

  it('response_format json_schema adds the forced "json" tool with the schema', async () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };
    const sentBody = await body({ response_format: { type: 'json_schema', json_schema: { name: 'answer', schema } } });
    expect(sentBody['toolConfig']).toEqual({
      tools: [{ toolSpec: { name: 'json', description: 'Respond with a JSON object.', inputSchema: { json: schema } } }],
      toolChoice: { tool: { name: 'json' } },
    });
  });
});

describe('reasoning and sampling', () => {
  it('reasoning_effort becomes an Anthropic thinking budget, with maxTokens above it', async () => {
    const sentBody = await body({ reasoning_effort: 'medium' });
    expect(sentBody['additionalModelRequestFields']).toEqual({ thinking: { type: 'enabled', budget_tokens: 2048 } });
    expect(sentBody['inferenceConfig']).toEqual({ maxTokens: 2048 + 4096 });
  });

  it('the Anthropic-style thinking parameter is sent as given', async () => {
    const sentBody = await body({ thinking: { type: 'enabled', budget_tokens: 3000 }, max_tokens: 8000 });
    expect(sentBody['additionalModelRequestFields']).toEqual({ thinking: { type: 'enabled', budget_tokens: 3000 } });
    expect(sentBody['inferenceConfig']).toEqual({ maxTokens: 8000 });
  });

  it('sampling parameters map to inferenceConfig, top_k to additionalModelRequestFields', async () => {
    const sentBody = await body({ max_completion_tokens: 300, temperature: 0.2, top_p: 0.9, stop: ['END', ''], top_k: 40 });
    expect(sentBody['inferenceConfig']).toEqual({ maxTokens: 300, temperature: 0.2, topP: 0.9, stopSequences: ['END'] });
    expect(sentBody['additionalModelRequestFields']).toEqual({ top_k: 40 });
  });

  it('parameters Converse lacks are rejected by name, or dropped with dropParams', async () => {
    const error = await rejection({ seed: 7 });
    expect(error.kind).toBe('bad_request');
    expect(error.param).toBe('seed');
    const sentBody = await body({ seed: 7, presence_penalty: 1 }, { dropParams: true });
    expect(sentBody).toEqual({ messages: [{ role: 'user', content: [{ text: 'Hello' }] }] });
  });
});

describe('URL and auth', () => {
  it('bedrock/converse/<id> drops the route prefix and encodes the id as one path segment', async () => {
    server().clear();
    server().enqueue(converseResponse('amazon-bedrock-text.json'));
    const provider = createBedrock({ baseURL: server().origin, options: awsOptions }, { env: {} });
    await provider.chat(chatRequest({ model: 'converse/arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc' }));
    const captured = await server().request(0);
    expect(captured.url).toBe('/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aapplication-inference-profile%2Fabc/converse');
  });

  it('a Bedrock API key is sent as a bearer token, without SigV4 headers', async () => {
    server().clear();
    server().enqueue(converseResponse('amazon-bedrock-text.json'));
    const provider = createBedrock({ baseURL: server().origin }, { env: { AWS_BEARER_TOKEN_BEDROCK: 'bedrock-api-key-123' } });
    await provider.chat(chatRequest());
    const captured = await server().request(0);
    expect(captured.headers['authorization']).toBe('Bearer bedrock-api-key-123');
    expect(captured.headers['x-amz-date']).toBeUndefined();
  });

  it('settings.headers are sent and signed; they cannot replace the auth headers', async () => {
    const captured = await sent({}, { headers: { 'x-team': 'search', authorization: 'Bearer nope' } });
    expect(captured.headers['x-team']).toBe('search');
    expect(String(captured.headers['authorization'])).toContain('SignedHeaders=accept;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-team,');
  });
});

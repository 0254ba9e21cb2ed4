import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  ModelStreamErrorException,
  ThrottlingException,
  ValidationException,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockProvider, type MockProvider } from './index.js';
import { mockText } from './text/mock-answer.js';
import { rawRequest } from './test-support/raw-http.js';

let mock: MockProvider;
const modelId = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const messages = [{ role: 'user' as const, content: [{ text: 'Hello from the yard' }] }];

function client(scenarioPrefix = ''): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: `${mock.url}${scenarioPrefix}`,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    requestHandler: new NodeHttpHandler(),
    maxAttempts: 1,
  });
}

async function collect(stream: AsyncIterable<ConverseStreamOutput> | undefined): Promise<ConverseStreamOutput[]> {
  const events: ConverseStreamOutput[] = [];
  for await (const event of stream ?? []) events.push(event);
  return events;
}

beforeAll(async () => {
  mock = await startMockProvider();
});
afterAll(() => mock.close());

describe('Bedrock converse: generated answers', () => {
  it('answers the mock sentence to a SigV4-signed request with a URL-encoded model id', async () => {
    const response = await client().send(new ConverseCommand({ modelId, messages }));
    expect(response.output?.message?.content?.[0]?.text).toBe(mockText);
    expect(response.stopReason).toBe('end_turn');
    expect(response.usage).toMatchObject({ inputTokens: 5, outputTokens: 10, totalTokens: 15 });
    const sent = mock.requests.at(-1);
    expect(sent?.url).toBe('/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse');
    expect(sent?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
  });

  it('streams binary event-stream frames, usage metadata last', async () => {
    const response = await client('/mock/chunks=6').send(new ConverseStreamCommand({ modelId, messages }));
    const events = await collect(response.stream);
    const kinds = events.map((event) => Object.keys(event).find((key) => key !== '$unknown'));
    expect(kinds).toEqual([
      'messageStart',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockStop',
      'messageStop',
      'metadata',
    ]);
    expect(events.map((event) => event.contentBlockDelta?.delta?.text ?? '').join('')).toBe(mockText);
    expect(events.at(-1)?.metadata?.usage?.outputTokens).toBe(10);
  });
});

describe('Bedrock converse: generated tool calls', () => {
  const toolConfig = {
    tools: [{ toolSpec: { name: 'search', inputSchema: { json: { type: 'object', properties: { term: { type: 'string' } }, required: ['term'] } } } }],
    toolChoice: { any: {} },
  };

  it('answers toolChoice any with a toolUse block, streamed as input fragments', async () => {
    const body = await client().send(new ConverseCommand({ modelId, messages, toolConfig }));
    expect(body.stopReason).toBe('tool_use');
    expect(body.output?.message?.content?.[0]?.toolUse).toEqual({ toolUseId: 'tooluse_mock', name: 'search', input: { term: 'mock' } });
    const events = await collect((await client().send(new ConverseStreamCommand({ modelId, messages, toolConfig }))).stream);
    expect(events[1]?.contentBlockStart?.start?.toolUse).toEqual({ toolUseId: 'tooluse_mock', name: 'search' });
    const input = events.map((event) => event.contentBlockDelta?.delta?.toolUse?.input ?? '').join('');
    expect(JSON.parse(input)).toEqual({ term: 'mock' });
    expect(events.find((event) => event.messageStop)?.messageStop?.stopReason).toBe('tool_use');
  });
});

describe('Bedrock converse: fixture replay', () => {
  it('replays the recorded text answer, streamed and not', async () => {
    const fixture = client('/mock/fixture=amazon-bedrock-text');
    const body = await fixture.send(new ConverseCommand({ modelId, messages }));
    expect(body.stopReason).toBe('end_turn');
    expect(body.output?.message?.content?.[0]?.text?.length).toBeGreaterThan(5);
    const events = await collect((await fixture.send(new ConverseStreamCommand({ modelId, messages }))).stream);
    expect(events).toHaveLength(16);
    expect(events.at(-1)?.metadata?.usage).toBeDefined();
  });

  it('replays a recorded tool call', async () => {
    const fixture = client('/mock/fixture=amazon-bedrock-json-tool.1');
    const body = await fixture.send(new ConverseCommand({ modelId, messages }));
    expect(body.stopReason).toBe('tool_use');
    expect(body.output?.message?.content?.some((block) => block.toolUse !== undefined)).toBe(true);
    const events = await collect((await fixture.send(new ConverseStreamCommand({ modelId, messages }))).stream);
    expect(events.some((event) => event.contentBlockStart?.start?.toolUse?.name !== undefined)).toBe(true);
    expect(events.at(-1)?.messageStop?.stopReason).toBe('tool_use');
  });
});

describe('Bedrock embeddings through invoke', () => {
  it('embeds with Titan, honouring dimensions', async () => {
    const response = await client().send(
      new InvokeModelCommand({
        modelId: 'amazon.titan-embed-text-v2:0',
        contentType: 'application/json',
        body: JSON.stringify({ inputText: 'hello yard', dimensions: 256 }),
      }),
    );
    const body = JSON.parse(new TextDecoder().decode(response.body));
    expect(body.embedding).toHaveLength(256);
    expect(body.inputTextTokenCount).toBe(3);
  });

  it('embeds with Cohere, as floats or by type', async () => {
    const invoke = (extra: object) =>
      client().send(
        new InvokeModelCommand({
          modelId: 'cohere.embed-english-v3',
          body: JSON.stringify({ texts: ['a', 'b'], input_type: 'search_document', ...extra }),
        }),
      );
    const floats = JSON.parse(new TextDecoder().decode((await invoke({})).body));
    expect(floats.response_type).toBe('embeddings_floats');
    expect(floats.embeddings).toHaveLength(2);
    expect(floats.embeddings[0]).toHaveLength(1024);
    const byType = JSON.parse(new TextDecoder().decode((await invoke({ embedding_types: ['float'] })).body));
    expect(byType.embeddings.float[1]).toEqual(floats.embeddings[1]);
  });
});

describe('Bedrock faults and bad input', () => {
  it('answers 429 as a ThrottlingException and context_window as a ValidationException', async () => {
    const throttled = await client('/mock/fault=429,retry_after=1')
      .send(new ConverseCommand({ modelId, messages }))
      .catch((caught: unknown) => caught);
    expect(throttled).toBeInstanceOf(ThrottlingException);
    expect((throttled as ThrottlingException).$metadata.httpStatusCode).toBe(429);
    const tooLong = client('/mock/fault=context_window').send(new ConverseCommand({ modelId, messages }));
    await expect(tooLong).rejects.toBeInstanceOf(ValidationException);
    await expect(tooLong).rejects.toThrow('Input is too long for requested model.');
  });

  it('ends a stream with an exception frame', async () => {
    const response = await client('/mock/fault=midstream').send(new ConverseStreamCommand({ modelId, messages }));
    const seen: ConverseStreamOutput[] = [];
    const consume = async () => {
      for await (const event of response.stream ?? []) seen.push(event);
    };
    await expect(consume()).rejects.toBeInstanceOf(ModelStreamErrorException);
    expect(seen).toHaveLength(3);
  });

  it('rejects a converse body without messages, and an unsigned request', async () => {
    const missing = client().send(new ConverseCommand({ modelId } as never));
    await expect(missing).rejects.toBeInstanceOf(ValidationException);
    await expect(missing).rejects.toThrow("'messages' is required and must be an array.");
    const unsigned = await rawRequest(`${mock.url}/model/x/converse`, { body: '{"messages":[]}' });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers['x-amzn-errortype']).toMatch(/^UnrecognizedClientException:/);
  });
});

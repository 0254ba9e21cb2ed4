import type OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/gateway-harness.js';
import { checkFixture, fixtureChunks, fixtureConfigYaml, fixtureJson, libraryFiles, type FixtureCase } from '../support/provider-fixtures.js';

// Every recorded Bedrock Converse fixture of the mock's library, replayed by the mock (JSON, or AWS event-stream
// frames for streams) through the gateway and read by the official OpenAI client. The expectations are those of
// packages/provider-bedrock/src/bedrock-conformance.test.ts for the same files; plain text is also read from the
// fixture content here.

type Block = { text?: string };
const jsonText = (file: string): string =>
  fixtureJson<{ output: { message: { content: Block[] } } }>('bedrock', file)
    .output.message.content.map((block) => block.text ?? '')
    .join('');
const streamText = (file: string): string =>
  fixtureChunks<{ contentBlockDelta?: { delta?: { text?: string } } }>('bedrock', file)
    .map((event) => event.contentBlockDelta?.delta?.text ?? '')
    .join('');
const usage = (prompt: number, completion: number) => ({ prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion });

const tool = (name: string, parameters: Record<string, unknown> = { type: 'object', properties: { location: { type: 'string' } } }) => ({
  type: 'function',
  function: { name, parameters },
});
const jsonFormat = { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object', properties: { value: { type: 'string' } } } } };
/** JSON mode (the provider's "json" tool), next to the named client tools. */
const jsonMode = (...tools: string[]) => ({ response_format: jsonFormat, ...(tools.length > 0 ? { tools: tools.map((name) => tool(name)) } : {}) });
const noArgsTool = { tools: [{ type: 'function', function: { name: 'updateIssueList' } }] };
const getWeather = [{ name: 'get-weather', arguments: { location: 'San Francisco' } }];

const fixtures: FixtureCase[] = [
  {
    file: 'amazon-bedrock-text.json',
    expect: {
      text: jsonText('amazon-bedrock-text.json'),
      toolCalls: [],
      reasoningIncludes: null,
      finishReason: 'stop',
      usage: { ...usage(22, 57), prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 } },
    },
  },
  {
    file: 'amazon-bedrock-text.chunks.txt',
    expect: { text: streamText('amazon-bedrock-text.chunks.txt'), toolCalls: [], reasoningIncludes: null, finishReason: 'stop', usage: usage(22, 55) },
  },
  {
    file: 'amazon-bedrock-tool-no-args.json',
    request: noArgsTool,
    expect: { text: jsonText('amazon-bedrock-tool-no-args.json'), toolCalls: [{ name: 'updateIssueList', arguments: {} }], finishReason: 'tool_calls', usage: usage(100, 25) },
  },
  {
    file: 'amazon-bedrock-tool-no-args.chunks.txt',
    request: noArgsTool,
    expect: { text: streamText('amazon-bedrock-tool-no-args.chunks.txt'), toolCalls: [{ name: 'updateIssueList', arguments: {} }], finishReason: 'tool_calls', usage: usage(100, 25) },
  },
  {
    file: 'amazon-bedrock-json-tool.1.json',
    request: jsonMode(),
    expect: {
      text: '{"elements":[{"location":"San Francisco","temperature":-5,"condition":"snowy"},{"location":"London","temperature":0,"condition":"snowy"}]}',
      toolCalls: [],
      finishReason: 'stop',
      usage: usage(15, 42),
    },
  },
  { file: 'amazon-bedrock-json-tool.1.chunks.txt', request: jsonMode(), expect: { text: '{"value":"test"}', toolCalls: [], finishReason: 'stop' } },
  { file: 'amazon-bedrock-json-tool.2.json', request: jsonMode(), expect: { text: '{"value":"test data"}', toolCalls: [], finishReason: 'stop', usage: usage(12, 28) } },
  { file: 'amazon-bedrock-json-tool.2.chunks.txt', request: jsonMode(), expect: { text: '{"value":"test"}', toolCalls: [], finishReason: 'stop' } },
  { file: 'amazon-bedrock-json-tool.3.json', request: jsonMode(), expect: { text: '{"result":42}', toolCalls: [], finishReason: 'stop', usage: usage(18, 35) } },
  { file: 'amazon-bedrock-json-tool.3.chunks.txt', request: jsonMode(), expect: { text: '{"result":42}', toolCalls: [], finishReason: 'stop' } },
  {
    file: 'amazon-bedrock-json-tool-with-answer.1.json',
    request: jsonMode(),
    expect: { text: '{"firstName":"John","lastName":"Doe"}', toolCalls: [], finishReason: 'stop', usage: usage(156, 35) },
  },
  {
    file: 'amazon-bedrock-json-only-text-first.1.chunks.txt',
    request: jsonMode(),
    expect: { text: '{"name":"John"}', toolCalls: [], finishReason: 'stop', usage: usage(100, 20) },
  },
  {
    file: 'amazon-bedrock-json-other-tool.1.json',
    request: jsonMode('get-weather'),
    expect: { text: null, toolCalls: getWeather, finishReason: 'tool_calls', usage: usage(843, 28) },
  },
  {
    file: 'amazon-bedrock-json-other-tool.1.chunks.txt',
    request: jsonMode('get-weather'),
    expect: { text: null, toolCalls: getWeather, finishReason: 'tool_calls', usage: usage(843, 28) },
  },
  {
    file: 'amazon-bedrock-json-tool-text-then-weather-then-json.1.chunks.txt',
    request: jsonMode('weather'),
    expect: {
      text: '2 + 2 equals 4. Now let me check the weather for you.',
      toolCalls: [
        { name: 'weather', arguments: { location: 'San Francisco' } },
        { name: 'weather', arguments: { location: 'London' } },
      ],
      finishReason: 'tool_calls',
      usage: usage(500, 100),
    },
  },
  {
    file: 'amazon-bedrock-json-with-tool.1.json',
    request: jsonMode('get-weather'),
    expect: { text: '{"result":"data"}', toolCalls: [{ name: 'get-weather', arguments: { location: 'SF' } }], finishReason: 'stop', usage: usage(22, 48) },
  },
  {
    file: 'amazon-bedrock-json-with-tool.1.chunks.txt',
    request: jsonMode('get-weather'),
    expect: { text: '{"result":"data"}', toolCalls: [{ name: 'get-weather', arguments: { location: 'SF' } }], finishReason: 'stop' },
  },
  {
    file: 'amazon-bedrock-json-with-tools.1.json',
    request: jsonMode('tool-a', 'tool-b'),
    expect: {
      text: '{"final":"result"}',
      toolCalls: [
        { name: 'tool-a', arguments: { param: 'a' } },
        { name: 'tool-b', arguments: { param: 'b' } },
      ],
      finishReason: 'stop',
      usage: usage(28, 62),
    },
  },
  {
    file: 'amazon-bedrock-json-with-tools.1.chunks.txt',
    request: jsonMode('tool-a', 'tool-b'),
    expect: {
      text: '{"final":"result"}',
      toolCalls: [
        { name: 'tool-a', arguments: { a: '1' } },
        { name: 'tool-b', arguments: { b: '2' } },
      ],
      finishReason: 'stop',
    },
  },
];

const modelId = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
let harness: Harness;
let client: OpenAI;

beforeAll(async () => {
  const yaml = fixtureConfigYaml(fixtures, (_fixture, prefix) => ({
    model: `bedrock/${modelId}`,
    apiBase: prefix,
    extra: 'aws_region_name: us-east-1, aws_access_key_id: AKIDEXAMPLE, aws_secret_access_key: wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  }));
  harness = await startHarness(yaml);
  client = harness.client();
});
afterAll(() => harness.close());

describe('Bedrock fixtures replayed through the gateway, read by the official OpenAI client', () => {
  it('the table covers every Bedrock fixture of the mock library', () => {
    expect(fixtures.map((fixture) => fixture.file).sort()).toEqual(libraryFiles('bedrock'));
  });

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_file, fixture) => {
    await checkFixture(client, fixture);
    const upstream = harness.mock.requests.at(-1)!;
    const operation = fixture.file.endsWith('.chunks.txt') ? 'converse-stream' : 'converse';
    expect(upstream.path).toBe(`/model/${encodeURIComponent(modelId)}/${operation}`);
    expect(upstream.headers.authorization).toContain('Credential=AKIDEXAMPLE/');
    expect(upstream.scenario).toBe(`fixture=${fixture.file.replace(/\.(chunks\.txt|json)$/, '')}`);
  });
});

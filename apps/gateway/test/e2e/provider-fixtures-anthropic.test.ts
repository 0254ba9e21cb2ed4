import OpenAI, { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/gateway-harness.js';
import {
  checkFixture,
  fixtureChunks,
  fixtureConfigYaml,
  fixtureJson,
  libraryFiles,
  type FixtureCase,
} from '../support/provider-fixtures.js';

// Every recorded Anthropic fixture of the mock's library, replayed by the mock through the gateway and read by the
// official OpenAI client. The expectations are those of packages/provider-anthropic/src/anthropic-conformance.test.ts
// for the same files, derived from the fixture content where that test derives them.

type Block = Record<string, unknown> & { type: string };
const content = (file: string): Block[] => fixtureJson<{ content: Block[] }>('anthropic', file).content;
const textOf = (file: string): string =>
  content(file)
    .filter((block) => block.type === 'text')
    .map((block) => block.text as string)
    .join('');
const streamedText = (file: string): string =>
  fixtureChunks<{ delta?: { type?: string; text?: string } }>('anthropic', file)
    .filter((event) => event.delta?.type === 'text_delta')
    .map((event) => event.delta?.text ?? '')
    .join('');

const usage = (prompt: number, completion: number) => ({
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
  prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 },
});

const weatherTool = {
  type: 'function',
  function: {
    name: 'weather',
    description: 'The weather in a location',
    parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  },
};
const elementsSchema = {
  name: 'elements',
  schema: { type: 'object', properties: { elements: { type: 'array', items: { type: 'object' } } }, required: ['elements'] },
};
const mcpTool = { type: 'mcp', server_label: 'echo', server_url: 'https://mcp.example.com/sse' };
const weather = [{ name: 'weather', arguments: { location: 'San Francisco' } }];

const fixtures: FixtureCase[] = [
  {
    file: 'anthropic-text.chunks.txt',
    expect: { text: streamedText('anthropic-text.chunks.txt'), toolCalls: [], reasoningIncludes: null, finishReason: 'stop', usage: usage(12, 30) },
  },
  {
    file: 'anthropic-text.json',
    expect: { text: textOf('anthropic-text.json'), toolCalls: [], reasoningIncludes: null, finishReason: 'stop', usage: usage(12, 29) },
  },
  {
    file: 'anthropic-json-tool.1.chunks.txt',
    upstreamModel: 'claude-haiku-4-5-20251001',
    request: { response_format: { type: 'json_object' } },
    expect: {
      text: '{"elements": [{"location": "San Francisco", "temperature": 58, "condition": "sunny"}]}',
      toolCalls: [],
      finishReason: 'stop',
      usage: usage(849, 47),
    },
  },
  {
    file: 'anthropic-json-tool.1.json',
    upstreamModel: 'claude-sonnet-4-20250514',
    request: { response_format: { type: 'json_schema', json_schema: elementsSchema } },
    expect: {
      text: JSON.stringify(content('anthropic-json-tool.1.json')[0]?.input),
      toolCalls: [],
      finishReason: 'stop',
      usage: usage(1151, 87),
    },
  },
  {
    file: 'anthropic-json-other-tool.1.chunks.txt',
    upstreamModel: 'claude-haiku-4-5-20251001',
    request: { tools: [weatherTool], response_format: { type: 'json_object' } },
    expect: { text: null, toolCalls: weather, finishReason: 'tool_calls', usage: usage(843, 28) },
  },
  {
    file: 'anthropic-json-other-tool.1.json',
    upstreamModel: 'claude-sonnet-4-20250514',
    request: { tools: [weatherTool], response_format: { type: 'json_schema', json_schema: elementsSchema } },
    expect: { text: null, toolCalls: weather, finishReason: 'tool_calls', usage: usage(843, 28) },
  },
  {
    file: 'anthropic-json-output-format.1.chunks.txt',
    request: { response_format: { type: 'json_schema', json_schema: elementsSchema } },
    expect: { text: streamedText('anthropic-json-output-format.1.chunks.txt'), toolCalls: [], finishReason: 'stop' },
  },
  {
    file: 'anthropic-json-output-format.1.json',
    request: { response_format: { type: 'json_schema', json_schema: elementsSchema } },
    expect: { text: textOf('anthropic-json-output-format.1.json'), finishReason: 'stop', usage: usage(371, 629) },
  },
  {
    file: 'anthropic-clear-thinking.1.chunks.txt',
    request: { thinking: { type: 'enabled', budget_tokens: 1024 } },
    expect: {
      text: streamedText('anthropic-clear-thinking.1.chunks.txt'),
      reasoningIncludes: 'The previous result was 925. Now I need to divide that by 5.\n\n925 ÷ 5 = 185',
      finishReason: 'stop',
      usage: usage(69, 53),
    },
  },
  {
    file: 'anthropic-clear-thinking.1.json',
    request: { reasoning_effort: 'low' },
    expect: {
      text: textOf('anthropic-clear-thinking.1.json'),
      reasoningIncludes: content('anthropic-clear-thinking.1.json').find((block) => block.type === 'thinking')?.thinking as string,
      finishReason: 'stop',
      usage: usage(69, 33),
    },
  },
  {
    file: 'anthropic-claude-opus-5-reasoning-high.1.json',
    upstreamModel: 'claude-opus-5',
    request: { reasoning_effort: 'high' },
    expect: {
      text: textOf('anthropic-claude-opus-5-reasoning-high.1.json'),
      reasoningIncludes: content('anthropic-claude-opus-5-reasoning-high.1.json')[0]?.thinking as string,
      finishReason: 'stop',
      usage: { ...usage(51, 1699), completion_tokens_details: { reasoning_tokens: 139 } },
    },
  },
  { file: 'anthropic-refusal.chunks.txt', upstreamModel: 'claude-fable-5', expect: { text: null, toolCalls: [], finishReason: 'content_filter', usage: usage(18, 5) } },
  { file: 'anthropic-refusal.json', upstreamModel: 'claude-fable-5', expect: { text: null, toolCalls: [], finishReason: 'content_filter', usage: usage(18, 5) } },
  { file: 'anthropic-refusal-no-details.json', upstreamModel: 'claude-fable-5', expect: { text: null, finishReason: 'content_filter', usage: usage(18, 5) } },
  {
    file: 'anthropic-message-delta-input-tokens.chunks.txt',
    upstreamModel: 'claude-opus-4-5-20251101',
    expect: { text: streamedText('anthropic-message-delta-input-tokens.chunks.txt'), finishReason: 'stop', usage: usage(61, 2) },
  },
  {
    file: 'anthropic-fallback.chunks.txt',
    upstreamModel: 'claude-fable-5',
    expect: { text: streamedText('anthropic-fallback.chunks.txt'), finishReason: 'stop', usage: usage(412, 264) },
  },
  {
    file: 'anthropic-fallback.json',
    upstreamModel: 'claude-fable-5',
    expect: { text: textOf('anthropic-fallback.json'), finishReason: 'stop', usage: usage(412, 264) },
  },
  { file: 'anthropic-advisor-stop-reasons.chunks.txt', upstreamModel: 'claude-sonnet-4-6', expect: { text: null, toolCalls: [], finishReason: 'stop', usage: usage(10, 20) } },
  { file: 'anthropic-advisor-stop-reasons.json', upstreamModel: 'claude-sonnet-4-6', expect: { text: null, toolCalls: [], finishReason: 'stop', usage: usage(10, 20) } },
  {
    file: 'anthropic-web-fetch-tool.error.json',
    upstreamModel: 'claude-sonnet-4-20250514',
    request: { tools: [{ type: 'web_fetch_20250910', name: 'web_fetch', max_uses: 1 }] },
    expect: { text: textOf('anthropic-web-fetch-tool.error.json'), toolCalls: [], finishReason: 'stop', usage: usage(1902, 214) },
  },
  {
    file: 'anthropic-mcp.1.chunks.txt',
    request: { tools: [mcpTool] },
    expect: { text: streamedText('anthropic-mcp.1.chunks.txt'), toolCalls: [], finishReason: 'stop', usage: usage(1250, 83) },
  },
  {
    file: 'anthropic-mcp.1.json',
    request: { tools: [mcpTool] },
    expect: { text: textOf('anthropic-mcp.1.json'), finishReason: 'stop', usage: usage(1250, 88) },
  },
  {
    file: 'anthropic-code-execution-20250825.1.json',
    request: { tools: [{ type: 'code_execution_20250825', name: 'code_execution' }] },
    expect: { text: textOf('anthropic-code-execution-20250825.1.json'), toolCalls: [], finishReason: 'stop', usage: usage(7881, 608) },
  },
  // Deliberately invalid recordings: the provider refuses them, so the client sees an error, not a merged answer.
  { file: 'duplicate-message-start.chunks.txt', upstreamModel: 'claude-3-haiku-20240307', error: { errorClass: APIError, status: undefined, message: /second message_start/ } },
  { file: 'spliced-message-start.chunks.txt', upstreamModel: 'claude-3-haiku-20240307', error: { errorClass: APIError, status: undefined, message: /message_start/ } },
];

let harness: Harness;
let client: OpenAI;

beforeAll(async () => {
  const yaml = fixtureConfigYaml(fixtures, (fixture, prefix) => ({
    model: `anthropic/${fixture.upstreamModel ?? 'claude-sonnet-4-5-20250929'}`,
    apiBase: prefix,
    extra: 'api_key: sk-ant-test',
  }));
  harness = await startHarness(yaml);
  client = harness.client();
});
afterAll(() => harness.close());

describe('Anthropic fixtures replayed through the gateway, read by the official OpenAI client', () => {
  it('the table covers every Anthropic fixture of the mock library', () => {
    expect(fixtures.map((fixture) => fixture.file).sort()).toEqual(libraryFiles('anthropic'));
  });

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_file, fixture) => {
    await checkFixture(client, fixture);
    const upstream = harness.mock.requests.at(-1)!;
    expect(upstream.path).toBe('/v1/messages');
    expect(upstream.scenario).toBe(`fixture=${fixture.file.replace(/\.(chunks\.txt|json)$/, '')}`);
  });
});

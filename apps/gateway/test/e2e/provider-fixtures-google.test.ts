import OpenAI, { RateLimitError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/gateway-harness.js';
import { checkFixture, fixtureChunks, fixtureConfigYaml, fixtureJson, libraryFiles, type FixtureCase } from '../support/provider-fixtures.js';

// Every recorded Gemini fixture of the mock's library, replayed by the mock through the gateway and read by the
// official OpenAI client. The expectations are those of
// packages/provider-google/src/google-conformance-cases.test-utils.ts for the same files; text and reasoning are
// also read from the fixture content here.

type Part = { text?: string; thought?: boolean };
type Response = { candidates?: Array<{ content?: { parts?: Part[] } }> };
const parts = (responses: Response[]): Part[] => responses.flatMap((response) => response.candidates?.[0]?.content?.parts ?? []);
const join = (list: Part[], thought: boolean): string =>
  list
    .filter((part) => typeof part.text === 'string' && (part.thought === true) === thought)
    .map((part) => part.text)
    .join('');
const jsonText = (file: string): string => join(parts([fixtureJson<Response>('google', file)]), false);
const streamText = (file: string): string => join(parts(fixtureChunks<Response>('google', file)), false);
const streamThoughts = (file: string): string => join(parts(fixtureChunks<Response>('google', file)), true);

const usage = (prompt: number, candidates: number, thoughts: number, total: number) => ({
  prompt_tokens: prompt,
  completion_tokens: candidates + thoughts,
  total_tokens: total,
  prompt_tokens_details: { cached_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: thoughts },
});

const strawberry = [{ role: 'user', content: 'How many "r"s are in the word "strawberry"?' }];
const weatherTool = {
  type: 'function',
  function: {
    name: 'weather',
    description: 'Get the weather in a location',
    parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'], additionalProperties: false },
  },
};
const getWeatherTool = { ...weatherTool, function: { ...weatherTool.function, name: 'getWeather' } };
const screenTools = [
  { type: 'function', function: { name: 'read_theme', parameters: { type: 'object', properties: {} } } },
  { type: 'function', function: { name: 'read_screen', parameters: { type: 'object', properties: { id: { type: 'string' } } } } },
];
const itemsTool = {
  type: 'function',
  function: {
    name: 'writeItems',
    parameters: {
      type: 'object',
      properties: {
        operations: {
          type: 'array',
          items: {
            type: 'object',
            properties: { action: { type: 'string' }, description: { type: 'string' }, itemid: { type: 'string' }, price: { type: 'number' } },
          },
        },
      },
    },
  },
};
const sanFrancisco = [{ name: 'weather', arguments: { location: 'San Francisco' } }];

const fixtures: FixtureCase[] = [
  {
    file: 'google-text.json',
    request: { messages: strawberry },
    expect: { text: jsonText('google-text.json'), toolCalls: [], reasoningIncludes: null, finishReason: 'stop', usage: usage(9, 28, 244, 281) },
  },
  {
    file: 'google-text.chunks.txt',
    request: { messages: strawberry },
    expect: { text: streamText('google-text.chunks.txt'), toolCalls: [], reasoningIncludes: null, finishReason: 'stop', usage: usage(9, 23, 185, 217) },
  },
  {
    file: 'google-reasoning.json',
    request: { messages: strawberry, reasoning_effort: 'high' },
    expect: { text: jsonText('google-reasoning.json'), toolCalls: [], finishReason: 'stop', usage: usage(9, 29, 282, 320) },
  },
  {
    file: 'google-reasoning.chunks.txt',
    request: { messages: strawberry, reasoning_effort: 'low' },
    expect: { text: streamText('google-reasoning.chunks.txt'), toolCalls: [], finishReason: 'stop', usage: usage(9, 29, 256, 294) },
  },
  {
    file: 'google-reasoning-gemini3.json',
    request: { messages: strawberry, thinking: { type: 'enabled', budget_tokens: 4096 } },
    expect: { text: jsonText('google-reasoning-gemini3.json'), toolCalls: [], finishReason: 'stop', usage: usage(9, 29, 258, 296) },
  },
  {
    file: 'google-reasoning-gemini3.chunks.txt',
    request: { messages: strawberry, reasoning_effort: 'medium' },
    expect: { text: streamText('google-reasoning-gemini3.chunks.txt'), toolCalls: [], finishReason: 'stop', usage: usage(9, 23, 302, 334) },
  },
  {
    file: 'google-tool-call.json',
    request: { messages: [{ role: 'user', content: 'What is the weather in San Francisco?' }], tools: [weatherTool] },
    expect: { text: null, toolCalls: sanFrancisco, finishReason: 'tool_calls', usage: usage(29, 15, 893, 937) },
  },
  {
    file: 'google-tool-call.chunks.txt',
    request: { messages: [{ role: 'user', content: 'Weather in San Francisco?' }], tools: [weatherTool] },
    expect: { text: null, toolCalls: sanFrancisco, finishReason: 'tool_calls', usage: usage(29, 15, 45, 89) },
  },
  {
    file: 'google-stream-tool-call-arguments.chunks.txt',
    upstreamModel: 'gemini-3.1-pro-preview',
    request: { messages: [{ role: 'user', content: 'Weather in Boston and San Francisco?' }], tools: [getWeatherTool] },
    expect: {
      text: null,
      toolCalls: [
        { name: 'getWeather', arguments: { location: 'Boston' } },
        { name: 'getWeather', arguments: { location: 'San Francisco' } },
      ],
      finishReason: 'tool_calls',
      usage: usage(26, 23, 132, 181),
    },
  },
  {
    file: 'google-stream-no-args-tool-call.chunks.txt',
    upstreamModel: 'gemini-3-flash-preview',
    request: { messages: [{ role: 'user', content: 'Read the theme, then screens A, B, C.' }], tools: screenTools },
    expect: {
      text: null,
      toolCalls: [
        { name: 'read_theme', arguments: {} },
        { name: 'read_screen', arguments: { id: 'A' } },
        { name: 'read_screen', arguments: { id: 'B' } },
        { name: 'read_screen', arguments: { id: 'C' } },
      ],
      reasoningIncludes: streamThoughts('google-stream-no-args-tool-call.chunks.txt'),
      finishReason: 'tool_calls',
      usage: usage(249, 58, 183, 490),
    },
  },
  {
    file: 'google-stream-tool-call-array-arguments-missing-terminal-function-call.chunks.txt',
    upstreamModel: 'gemini-3-flash-preview',
    request: { messages: [{ role: 'user', content: 'Add an apple and a banana.' }], tools: [itemsTool] },
    expect: {
      text: null,
      toolCalls: [
        {
          name: 'writeItems',
          arguments: {
            operations: [
              { action: 'add', description: 'Fresh red apple', itemid: 'apple_001', price: 0.5 },
              { action: 'add', description: 'Ripe yellow banana', itemid: 'banana_001', price: 0.3 },
            ],
          },
        },
      ],
      finishReason: 'tool_calls',
      usage: usage(54, 74, 121, 249),
    },
  },
  // The recorded RESOURCE_EXHAUSTED body (with RetryInfo) is answered with its 429 status.
  {
    file: 'google-429-retry-info.json',
    request: { messages: strawberry },
    error: { errorClass: RateLimitError, status: 429, message: new RegExp(fixtureJson<{ error: { message: string } }>('google', 'google-429-retry-info.json').error.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) },
  },
];

let harness: Harness;
let client: OpenAI;

beforeAll(async () => {
  const yaml = fixtureConfigYaml(fixtures, (fixture, prefix) => ({
    model: `gemini/${fixture.upstreamModel ?? 'gemini-3-pro-preview'}`,
    apiBase: prefix,
    extra: 'api_key: test-gemini-key',
  }));
  harness = await startHarness(yaml);
  client = harness.client();
});
afterAll(() => harness.close());

describe('Gemini fixtures replayed through the gateway, read by the official OpenAI client', () => {
  it('the table covers every Gemini fixture of the mock library', () => {
    expect(fixtures.map((fixture) => fixture.file).sort()).toEqual(libraryFiles('google'));
  });

  it('the fixtures record reasoning only where the table expects some', () => {
    const withThoughts = fixtures.filter((fixture) => fixture.file.endsWith('.chunks.txt') && streamThoughts(fixture.file) !== '');
    expect(withThoughts.map((fixture) => fixture.file)).toEqual(['google-stream-no-args-tool-call.chunks.txt']);
  });

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_file, fixture) => {
    await checkFixture(client, fixture);
    const upstream = harness.mock.requests.at(-1)!;
    const stream = fixture.file.endsWith('.chunks.txt');
    expect(upstream.path).toBe(`/v1beta/models/${fixture.upstreamModel ?? 'gemini-3-pro-preview'}:${stream ? 'streamGenerateContent' : 'generateContent'}`);
    expect(upstream.scenario).toBe(`fixture=${fixture.file.replace(/\.(chunks\.txt|json)$/, '')}`);
  });
});

import OpenAI, { BadRequestError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/gateway-harness.js';
import {
  checkFixture,
  fixtureChunks,
  fixtureConfigYaml,
  fixtureJson,
  libraryFiles,
  type FixtureCase,
  type FixtureFormat,
} from '../support/provider-fixtures.js';

// Every recorded chat fixture of the mock's OpenAI, OpenAI-compatible and Azure folders, replayed by the mock
// through the gateway (OpenAI, DeepSeek, xAI, openai_like and Azure deployments) and read by the official OpenAI
// client. The expectations are those of packages/provider-openai/src/openai-conformance.test.ts and
// compatible-conformance.test.ts for the same files; text is read from the fixture content here.

type Completion = { choices: Array<{ message: { content: string } }> };
type Chunk = { choices?: Array<{ delta?: { content?: string | null } }> };
const completionText = (format: FixtureFormat, file: string): string => fixtureJson<Completion>(format, file).choices[0]!.message.content;
const streamText = (format: FixtureFormat, file: string): string =>
  fixtureChunks<Chunk>(format, file)
    .flatMap((chunk) => chunk.choices ?? [])
    .map((choice) => choice.delta?.content ?? '')
    .join('');

interface VendorCase extends FixtureCase {
  format: FixtureFormat;
  /** `<provider>/<model>`. */
  model: string;
  /** The path after the mock's fixture prefix (`/v1` for OpenAI-compatible bases, nothing for Azure's host). */
  suffix: string;
  extra?: string;
  /** The path the mock must receive. */
  upstreamPath: string;
}

const user = (content: string) => [{ role: 'user', content }];
const weatherTool = [
  { type: 'function', function: { name: 'weather', description: 'Get the weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } },
];
const weather = [{ name: 'weather', arguments: { location: 'San Francisco' } }];
const openai = { format: 'openai', model: 'openai/gpt-4.1-nano', suffix: '/v1', upstreamPath: '/v1/chat/completions' } as const;
const deepseek = { format: 'openai-compatible', model: 'deepseek/deepseek-reasoner', suffix: '/v1', upstreamPath: '/v1/chat/completions' } as const;
const holiday = { messages: user('Invent a new holiday and describe its traditions.') };

const fixtures: VendorCase[] = [
  {
    ...openai,
    file: 'openai-text.json',
    request: holiday,
    expect: {
      text: completionText('openai', 'openai-text.json'),
      reasoningIncludes: null,
      toolCalls: [],
      finishReason: 'stop',
      usage: { prompt_tokens: 16, completion_tokens: 363, total_tokens: 379, prompt_tokens_details: { cached_tokens: 0 } },
    },
  },
  {
    ...openai,
    file: 'openai-text.chunks.txt',
    request: holiday,
    expect: {
      text: streamText('openai', 'openai-text.chunks.txt'),
      toolCalls: [],
      finishReason: 'stop',
      usage: {
        prompt_tokens: 16,
        completion_tokens: 300,
        total_tokens: 316,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
    },
  },
  {
    ...openai,
    model: 'openai/my-reasoning-deployment',
    file: 'reasoning-model-legacy-parameter-error.json',
    request: { messages: user('Hi'), max_tokens: 100 },
    error: {
      errorClass: BadRequestError,
      status: 400,
      message: /max_tokens' is not supported with this model/,
      param: fixtureJson<{ error: { param: string } }>('openai', 'reasoning-model-legacy-parameter-error.json').error.param,
      code: fixtureJson<{ error: { code: string } }>('openai', 'reasoning-model-legacy-parameter-error.json').error.code,
    },
  },
  {
    ...deepseek,
    file: 'deepseek-reasoning.json',
    // DeepSeek's recorded body has no message.refusal; the gateway passes it through unchanged.
    specDeviations: ["/choices/0/message must have required property 'refusal'"],
    request: { messages: user("How many 'r's are in the word 'strawberry'?") },
    expect: {
      text: completionText('openai-compatible', 'deepseek-reasoning.json'),
      reasoningIncludes: 'So answer is 3.',
      finishReason: 'stop',
      usage: { prompt_tokens: 18, completion_tokens: 345, total_tokens: 363, completion_tokens_details: { reasoning_tokens: 315 } },
    },
  },
  {
    ...deepseek,
    file: 'deepseek-tool-call.json',
    // DeepSeek's recorded body has no message.refusal; the gateway passes it through unchanged.
    specDeviations: ["/choices/0/message must have required property 'refusal'"],
    request: { messages: user('What is the weather in San Francisco?'), tools: weatherTool },
    expect: {
      text: null,
      toolCalls: weather,
      reasoningIncludes: 'Let me call the weather function.',
      finishReason: 'tool_calls',
      usage: { prompt_tokens: 339, completion_tokens: 92, total_tokens: 431, prompt_tokens_details: { cached_tokens: 320 } },
    },
  },
  {
    ...deepseek,
    file: 'deepseek-tool-call.chunks.txt',
    request: { messages: user('What is the weather in San Francisco?'), tools: weatherTool },
    expect: {
      text: null,
      toolCalls: weather,
      reasoningIncludes: 'The user is asking for the weather in San Francisco.',
      finishReason: 'tool_calls',
      usage: { prompt_tokens: 339, completion_tokens: 83, total_tokens: 422, completion_tokens_details: { reasoning_tokens: 39 } },
    },
  },
  {
    ...deepseek,
    file: 'deepseek-json.json',
    // DeepSeek's recorded body has no message.refusal; the gateway passes it through unchanged.
    specDeviations: ["/choices/0/message must have required property 'refusal'"],
    request: { messages: user('Reply with JSON object ONLY.'), response_format: { type: 'json_object' } },
    expect: {
      text: completionText('openai-compatible', 'deepseek-json.json'),
      reasoningIncludes: 'I need to reply with JSON object ONLY.',
      finishReason: 'stop',
      usage: { prompt_tokens: 495, completion_tokens: 144, total_tokens: 639 },
    },
  },
  {
    format: 'openai-compatible',
    model: 'xai/grok-3-mini',
    suffix: '/v1',
    upstreamPath: '/v1/chat/completions',
    file: 'xai-text.json',
    // xAI's recorded body has no choices[].logprobs; the gateway passes it through unchanged.
    specDeviations: ["/choices/0 must have required property 'logprobs'"],
    request: { messages: user('Say a single word.') },
    expect: {
      text: completionText('openai-compatible', 'xai-text.json'),
      reasoningIncludes: 'Let\'s go with "Grok"',
      finishReason: 'stop',
      usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 334, completion_tokens_details: { reasoning_tokens: 320 } },
    },
  },
  {
    format: 'openai-compatible',
    model: 'openai_like/claude-haiku-4-5',
    suffix: '/v1',
    upstreamPath: '/v1/chat/completions',
    file: 'anthropic-fallback-tool-call.sse',
    request: { messages: user('Read a.txt') },
    expect: { text: 'Reading it.', toolCalls: [{ name: 'read_file', arguments: { path: 'a.txt' } }], finishReason: 'tool_calls' },
  },
  {
    format: 'azure',
    model: 'azure/model-router',
    suffix: '',
    extra: 'api_version: 2025-04-01-preview',
    upstreamPath: '/openai/deployments/model-router/chat/completions',
    file: 'azure-model-router.1.chunks.txt',
    // Azure's chunks carry object "" (the first, prompt_filter_results one) and system_fingerprint null; passed through.
    specDeviations: ['/object must be equal to one of the allowed values', '/system_fingerprint must be string'],
    request: { messages: user('Capital of Denmark?') },
    expect: {
      text: streamText('azure', 'azure-model-router.1.chunks.txt'),
      reasoningIncludes: null,
      finishReason: 'stop',
      usage: { prompt_tokens: 15, completion_tokens: 78, total_tokens: 93, completion_tokens_details: { reasoning_tokens: 64 } },
    },
  },
];

let harness: Harness;
let client: OpenAI;

beforeAll(async () => {
  const yaml = fixtureConfigYaml(fixtures, (fixture, prefix) => {
    const vendor = fixture as VendorCase;
    return { model: vendor.model, apiBase: `${prefix}${vendor.suffix}`, extra: `api_key: sk-vendor-test${vendor.extra ? `, ${vendor.extra}` : ''}` };
  });
  harness = await startHarness(yaml);
  client = harness.client();
});
afterAll(() => harness.close());

describe('OpenAI, OpenAI-compatible and Azure fixtures replayed through the gateway, read by the official OpenAI client', () => {
  it('the table covers every chat fixture of the three folders', () => {
    for (const format of ['openai', 'openai-compatible', 'azure'] as const) {
      const files = fixtures.filter((fixture) => fixture.format === format).map((fixture) => fixture.file);
      expect(files.sort()).toEqual(libraryFiles(format));
    }
  });

  it('the recorded texts are not empty where the table reads them from the fixture', () => {
    expect(streamText('openai', 'openai-text.chunks.txt').length).toBeGreaterThan(100);
    expect(streamText('azure', 'azure-model-router.1.chunks.txt')).toBe('Capital of Denmark.');
  });

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_file, fixture) => {
    await checkFixture(client, fixture);
    const upstream = harness.mock.requests.at(-1)!;
    expect(upstream.path).toBe(fixture.upstreamPath);
    expect(upstream.scenario).toBe(`fixture=${fixture.file.replace(/\.(chunks\.txt|json|sse)$/, '')}`);
  });
});

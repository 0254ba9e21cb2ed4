import { readdirSync, readFileSync } from 'node:fs';
import type OpenAI from 'openai';
import { expect } from 'vitest';
import { specErrors } from './openai-spec.js';

/** The mock provider's replay library (tools/mock-provider/__fixtures__/<format>/), read as the test's oracle. */
const library = new URL('../../../../tools/mock-provider/__fixtures__/', import.meta.url);

export type FixtureFormat = 'anthropic' | 'google' | 'bedrock' | 'azure' | 'openai' | 'openai-compatible';

/** A fixture file's text. */
export function fixtureText(format: FixtureFormat, file: string): string {
  return readFileSync(new URL(`${format}/${file}`, library), 'utf8');
}

/** Every replayable fixture file of one format folder, sorted. */
export function libraryFiles(format: FixtureFormat): string[] {
  return readdirSync(new URL(`${format}/`, library))
    .filter((file) => file.endsWith('.json') || file.endsWith('.chunks.txt') || file.endsWith('.sse'))
    .sort();
}

/** A `.json` fixture, parsed. */
export function fixtureJson<T = Record<string, unknown>>(format: FixtureFormat, file: string): T {
  return JSON.parse(fixtureText(format, file)) as T;
}

/** The parsed payload lines of a `.chunks.txt` fixture. */
export function fixtureChunks<T = Record<string, unknown>>(format: FixtureFormat, file: string): T[] {
  return fixtureText(format, file)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** How one fixture's deployment reaches the mock: `prefix` is `{{mock}}/mock/fixture=<stem>`. */
export interface FixtureDeployment {
  /** `<provider>/<model>`. */
  model: string;
  apiBase: string;
  /** Extra `litellm_params` entries, YAML flow-mapping text. */
  extra?: string;
}

/** A `model_list` with one model group per fixture, named by the fixture's file (`{{mock}}` is the mock's URL). */
export function fixtureConfigYaml(fixtures: readonly FixtureCase[], deployment: (fixture: FixtureCase, prefix: string) => FixtureDeployment): string {
  const entries = fixtures.map((fixture) => {
    const { model, apiBase, extra } = deployment(fixture, `{{mock}}/mock/fixture=${fixtureStem(fixture.file)}`);
    return `  - model_name: ${JSON.stringify(fixture.file)}\n    litellm_params: {model: ${JSON.stringify(model)}, api_base: "${apiBase}"${extra ? `, ${extra}` : ''}}`;
  });
  return `model_list:\n${entries.join('\n')}\n`;
}

/** What the official client ends up with, from a completion or from a stream's aggregated deltas. */
export interface ClientOutcome {
  text: string | null;
  reasoning: string | null;
  toolCalls: Array<{ id: string; name: string; arguments: unknown }>;
  finishReason: string | null;
  usage: OpenAI.CompletionUsage | undefined;
  /** Every distinct OpenAI-schema violation in what the gateway sent (the completion, or any chunk). */
  specErrors: string[];
}

type ReasoningMessage = { reasoning_content?: string | null };

/** Reads a non-stream completion, validating it against OpenAI's published schema first. */
export function completionOutcome(completion: OpenAI.ChatCompletion): ClientOutcome {
  const errors = specErrors('CreateChatCompletionResponse', completion);
  expect(completion.choices).toHaveLength(1);
  const choice = completion.choices[0]!;
  const message = choice.message as OpenAI.ChatCompletionMessage & ReasoningMessage;
  return {
    text: message.content === '' ? null : message.content,
    reasoning: message.reasoning_content ?? null,
    toolCalls: (message.tool_calls ?? []).map((call) => {
      if (call.type !== 'function') throw new Error(`unexpected tool call type ${call.type}`);
      return { id: call.id, name: call.function.name, arguments: JSON.parse(call.function.arguments) as unknown };
    }),
    finishReason: choice.finish_reason,
    usage: completion.usage,
    specErrors: errors,
  };
}

/** Aggregates a stream's chunks as a client would, validating each chunk against OpenAI's published schema. */
export async function streamOutcome(stream: AsyncIterable<OpenAI.ChatCompletionChunk>): Promise<ClientOutcome & { chunks: number }> {
  let text = '';
  let reasoning = '';
  let finishReason: string | null = null;
  let usage: OpenAI.CompletionUsage | undefined;
  let chunks = 0;
  const errors = new Set<string>();
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  for await (const chunk of stream) {
    chunks += 1;
    for (const error of specErrors('CreateChatCompletionStreamResponse', chunk)) errors.add(error);
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices) {
      const delta = choice.delta as OpenAI.ChatCompletionChunk.Choice.Delta & ReasoningMessage;
      text += delta.content ?? '';
      reasoning += delta.reasoning_content ?? '';
      for (const call of delta.tool_calls ?? []) {
        const current = calls.get(call.index) ?? { id: '', name: '', arguments: '' };
        current.id += call.id ?? '';
        current.name += call.function?.name ?? '';
        current.arguments += call.function?.arguments ?? '';
        calls.set(call.index, current);
      }
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
  }
  const toolCalls = [...calls.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, call]) => ({ id: call.id, name: call.name, arguments: JSON.parse(call.arguments === '' ? '{}' : call.arguments) as unknown }));
  return { text: text === '' ? null : text, reasoning: reasoning === '' ? null : reasoning, toolCalls, finishReason, usage, chunks, specErrors: [...errors] };
}

/** The expectations of one recorded fixture, mirroring the provider packages' conformance tables. */
export interface FixtureExpectation {
  text?: string | null;
  toolCalls?: Array<{ name: string; arguments: unknown }>;
  /** A substring of reasoning_content, or null for none. */
  reasoningIncludes?: string | null;
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  usage?: Record<string, unknown>;
}

/** Asserts a client outcome against a fixture's expectations (only the fields the expectation names). */
export function expectOutcome(outcome: ClientOutcome, expected: FixtureExpectation): void {
  if (expected.text !== undefined) expect(outcome.text).toBe(expected.text);
  if (expected.toolCalls !== undefined) {
    expect(outcome.toolCalls.map(({ name, arguments: args }) => ({ name, arguments: args }))).toEqual(expected.toolCalls);
    for (const call of outcome.toolCalls) expect(call.id).not.toBe('');
    expect(new Set(outcome.toolCalls.map((call) => call.id)).size).toBe(outcome.toolCalls.length);
  }
  if (expected.reasoningIncludes === null) expect(outcome.reasoning).toBeNull();
  else if (expected.reasoningIncludes !== undefined) expect(outcome.reasoning ?? '').toContain(expected.reasoningIncludes);
  if (expected.finishReason !== undefined) expect(outcome.finishReason).toBe(expected.finishReason);
  if (expected.usage !== undefined) expect(outcome.usage).toMatchObject(expected.usage);
}

/** One fixture of the library and what the client must get for it. */
export interface FixtureCase {
  /** The fixture's file name: `.chunks.txt` and `.sse` are called as streams, `.json` without. */
  file: string;
  /** The upstream model id the deployment names (some translations depend on it). */
  upstreamModel?: string;
  /** Request fields beyond model and messages (tools, response_format, reasoning_effort...). */
  request?: Record<string, unknown>;
  expect?: FixtureExpectation;
  /**
   * OpenAI-schema violations this fixture's answer is known to carry (a vendor body the gateway passes through
   * unchanged), listed so a fix or a new violation both show up. Empty by default: the answer must validate.
   */
  specDeviations?: string[];
  /** A deliberate negative case: the error the official client must throw. */
  error?: { errorClass: abstract new (...args: never[]) => Error; status: number | undefined; message?: RegExp; param?: string; code?: string };
}

export function isStreamFixture(file: string): boolean {
  return file.endsWith('.chunks.txt') || file.endsWith('.sse');
}

export function fixtureStem(file: string): string {
  return file.replace(/\.(chunks\.txt|json|sse)$/, '');
}

/** Calls one fixture's model group through the official client and returns what it read. */
export async function callFixture(client: OpenAI, fixture: FixtureCase): Promise<ClientOutcome> {
  const body = {
    model: fixture.file,
    messages: [{ role: 'user' as const, content: 'Hello' }],
    ...fixture.request,
  } as OpenAI.ChatCompletionCreateParamsNonStreaming;
  if (!isStreamFixture(fixture.file)) return completionOutcome(await client.chat.completions.create(body));
  const stream = await client.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } });
  return streamOutcome(stream);
}

/** Runs one table row: the expected outcome, or the expected typed error. */
export async function checkFixture(client: OpenAI, fixture: FixtureCase): Promise<void> {
  if (fixture.error) {
    const error = await callFixture(client, fixture).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(fixture.error.errorClass);
    expect((error as { status?: number }).status).toBe(fixture.error.status);
    if (fixture.error.message) expect((error as Error).message).toMatch(fixture.error.message);
    if (fixture.error.param !== undefined) expect((error as { param?: unknown }).param).toBe(fixture.error.param);
    if (fixture.error.code !== undefined) expect((error as { code?: unknown }).code).toBe(fixture.error.code);
    return;
  }
  const outcome = await callFixture(client, fixture);
  expect(outcome.specErrors).toEqual(fixture.specDeviations ?? []);
  expectOutcome(outcome, fixture.expect ?? {});
}

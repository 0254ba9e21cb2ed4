import { SwitchyardError, streamPartFromChunk, type ChatCompletionRequest, type ChatMessage } from '@switchyard/core';
import { StreamAggregator } from '@switchyard/provider-kit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultMediaPolicy } from './convert-google-media.js';
import type { GoogleGenerateContentResponse, GoogleResponsePart } from './google-api.js';
import { googleUpstreamError } from './google-error.js';
import { PartialArgsBuilder } from './google-partial-args.js';
import { buildGoogleRequest } from './google-request.js';
import { cleanGoogleSchema } from './google-schema-cleaner.js';
import { GoogleStreamTranslator } from './google-stream-translator.js';

/** Runs `run`; anything it throws must be a SwitchyardError (no input may crash with something else). */
async function onlySwitchyardErrors(run: () => unknown): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (!SwitchyardError.isInstance(error)) throw error;
    return false;
  }
}

const schemaKeys = fc.constantFrom('type', 'properties', 'items', 'anyOf', 'oneOf', 'allOf', '$ref', '$defs', 'enum', 'const', 'required', 'format', 'nullable');
const schemaLike = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.dictionary(schemaKeys, tie('node'), { maxKeys: 5 }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node;

const part: fc.Arbitrary<GoogleResponsePart> = fc.oneof(
  fc.record({ text: fc.string(), thought: fc.boolean(), thoughtSignature: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: ['text'] }),
  fc.record({
    functionCall: fc.record(
      {
        name: fc.constantFrom('a', 'b'),
        args: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
        willContinue: fc.boolean(),
        partialArgs: fc.array(
          fc.record({ jsonPath: fc.constantFrom('$.x', '$.y[0]', '$.y[1].z', '$["q"]', 'bad', '$.x[9]'), stringValue: fc.string(), willContinue: fc.boolean() }),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    ),
  }),
);

const event: fc.Arbitrary<GoogleGenerateContentResponse> = fc.record(
  {
    candidates: fc.array(
      fc.record(
        {
          index: fc.constantFrom(0, 1),
          content: fc.record({ parts: fc.array(part, { maxLength: 3 }) }),
          finishReason: fc.constantFrom('STOP', 'MAX_TOKENS', 'SAFETY', 'MALFORMED_FUNCTION_CALL', 'NEW_REASON'),
        },
        { requiredKeys: ['content'] },
      ),
      { maxLength: 2 },
    ),
    usageMetadata: fc.record({ promptTokenCount: fc.nat(), candidatesTokenCount: fc.nat(), totalTokenCount: fc.nat() }),
  },
  { requiredKeys: [] },
);

const message: fc.Arbitrary<ChatMessage> = fc.oneof(
  fc.record({ role: fc.constant('system' as const), content: fc.string() }),
  fc.record({ role: fc.constant('user' as const), content: fc.string() }),
  fc.record({
    role: fc.constant('assistant' as const),
    content: fc.option(fc.string(), { nil: null }),
    tool_calls: fc.array(
      fc.record({ id: fc.constantFrom('c1', 'c2__thought__sig'), type: fc.constant('function' as const), function: fc.record({ name: fc.string({ minLength: 1 }), arguments: fc.oneof(fc.json(), fc.string()) }) }),
      { maxLength: 2 },
    ),
  }),
  fc.record({ role: fc.constant('tool' as const), tool_call_id: fc.constantFrom('c1', 'c2__thought__sig', 'c3'), content: fc.string() }),
);

describe('no input crashes the translation', () => {
  it('cleanGoogleSchema returns a schema or throws a bad_request', async () => {
    await fc.assert(
      fc.asyncProperty(schemaLike, async (schema) => {
        await onlySwitchyardErrors(() => cleanGoogleSchema(schema, { param: 'p', propertyOrdering: true }));
      }),
    );
  });

  it('the stream translator yields chunks an OpenAI client accepts, or throws a SwitchyardError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 6 }), fc.boolean(), async (events, includeUsage) => {
        const aggregator = new StreamAggregator();
        const translator = new GoogleStreamTranslator({ provider: 'gemini', model: 'm', includeUsage, secrets: [] });
        const finished = await onlySwitchyardErrors(() => {
          for (const input of events) for (const chunk of translator.push(input)) aggregator.push(streamPartFromChunk(chunk));
          for (const chunk of translator.finish()) aggregator.push(streamPartFromChunk(chunk));
        });
        if (finished) expect(aggregator.finish().violations).toEqual([]);
      }),
    );
  });

  it('partial arguments always build valid JSON or throw a SwitchyardError', async () => {
    const partial = fc.record({ jsonPath: fc.string(), numberValue: fc.double({ noNaN: true, noDefaultInfinity: true }) });
    await fc.assert(
      fc.asyncProperty(fc.array(partial, { maxLength: 5 }), async (partials) => {
        const builder = new PartialArgsBuilder();
        await onlySwitchyardErrors(() => partials.forEach((entry) => builder.apply(entry)));
        expect(() => JSON.parse(builder.json()) as unknown).not.toThrow();
      }),
    );
  });

  it('any message history becomes a request or a bad_request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 6 }), fc.constantFrom('gemini-2.5-flash', 'gemini-3-pro-preview'), async (messages, model) => {
        const request: ChatCompletionRequest = { model, messages };
        await onlySwitchyardErrors(() => buildGoogleRequest(request, { model, dropParams: false, policy: defaultMediaPolicy, signal: undefined }));
      }),
    );
  });

  it('any error body becomes a SwitchyardError that does not leak the key', () => {
    const secret = 'AIzaSy-super-secret-key';
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), fc.integer({ min: 400, max: 599 }), (text, status) => {
        const error = googleUpstreamError({ provider: 'gemini', status, bodyText: text.replace('x', secret), secrets: [secret] });
        expect(SwitchyardError.isInstance(error)).toBe(true);
        expect(JSON.stringify(error.toOpenAIError())).not.toContain(secret);
      }),
    );
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOpenAIError } from '../support/openai-error-shape.js';
import { post, scenarioParams, startHarness, type Harness } from '../support/gateway-harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(`model_list:\n  - model_name: demo\n    litellm_params: ${scenarioParams('chunks=2')}\n`);
});
afterAll(() => harness.close());

/** Mostly request-shaped values, so the fuzzing reaches the deep validation paths as well as the shallow ones. */
const requestLike = fc.record(
  {
    model: fc.oneof(fc.constant('demo'), fc.string(), fc.jsonValue()),
    messages: fc.oneof(
      fc.array(
        fc.record(
          { role: fc.oneof(fc.constantFrom('user', 'system', 'assistant', 'tool', 'developer'), fc.string()), content: fc.oneof(fc.string(), fc.jsonValue()), tool_call_id: fc.string() },
          { requiredKeys: ['role'] },
        ),
        { maxLength: 3 },
      ),
      fc.jsonValue(),
    ),
    stream: fc.oneof(fc.boolean(), fc.jsonValue()),
    temperature: fc.jsonValue(),
    tools: fc.jsonValue(),
    stream_options: fc.oneof(fc.record({ include_usage: fc.boolean() }), fc.jsonValue()),
  },
  { requiredKeys: [] },
);

describe('fuzzing the request validator', () => {
  it('answers any JSON value with 200 or a well-formed 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), requestLike), async (value) => {
        const response = await post(`${harness.url}/v1/chat/completions`, JSON.stringify(value));
        if (response.status === 200) {
          expect(response.text.length).toBeGreaterThan(0);
          return;
        }
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expectOpenAIError(response.json);
      }),
      { numRuns: 200 },
    );
    const health = await fetch(`${harness.url}/health/liveliness`);
    expect(health.status).toBe(200);
  }, 120_000);

  it('answers any byte string with 200 or a well-formed 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 256 }), async (bytes) => {
        const response = await post(`${harness.url}/v1/embeddings`, bytes);
        expect([200, 400, 404]).toContain(response.status);
        if (response.status !== 200) expectOpenAIError(response.json);
      }),
      { numRuns: 100 },
    );
    expect((await fetch(`${harness.url}/health/readiness`)).status).toBe(200);
  }, 120_000);
});

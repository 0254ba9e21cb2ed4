import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countTokens } from './count-tokens.js';

// Compares counts with what providers reported for the same text in the recorded responses (output text only,
// no thinking). These are the measurements the approximation factors in tokenizer-for-model.ts rest on.
const fixtures = new URL('../__fixtures__/', import.meta.url);
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, fixtures), 'utf8'));

type Sample = { name: string; model: string; text: string; reported: number };

function anthropicSample(path: string): Sample {
  const body = read(path) as { model: string; content: Array<{ type: string; text?: string }>; usage: { output_tokens: number } };
  const text = body.content.map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
  return { name: path, model: body.model, text, reported: body.usage.output_tokens };
}

function googleSample(path: string): Sample {
  const body = read(path) as {
    modelVersion: string;
    candidates: Array<{ content: { parts: Array<{ text?: string; thought?: boolean }> } }>;
    usageMetadata: { candidatesTokenCount: number };
  };
  const parts = body.candidates[0]?.content.parts ?? [];
  const text = parts.map((part) => (part.thought ? '' : (part.text ?? ''))).join('');
  return { name: path, model: body.modelVersion, text, reported: body.usageMetadata.candidatesTokenCount };
}

describe('token counts against the counts providers reported', () => {
  it('matches OpenAI within a token (gpt-4.1-nano, 363 output tokens)', () => {
    const body = read('openai/openai-text.json') as {
      model: string;
      choices: Array<{ message: { content: string } }>;
      usage: { completion_tokens: number };
    };
    const counted = countTokens(body.choices[0]?.message.content ?? '', body.model);
    expect(counted.approximate).toBe(false);
    expect(Math.abs(counted.tokens - body.usage.completion_tokens)).toBeLessThanOrEqual(1);
  });

  it.each([
    anthropicSample('anthropic/anthropic-text.json'),
    anthropicSample('anthropic/anthropic-json-output-format.1.json'),
    googleSample('google/google-text.json'),
    googleSample('google/google-reasoning.json'),
  ])('approximates $name within 15%', ({ model, text, reported }) => {
    const counted = countTokens(text, model);
    expect(counted.approximate).toBe(true);
    expect(counted.tokens / reported).toBeGreaterThan(0.85);
    expect(counted.tokens / reported).toBeLessThan(1.15);
  });
});

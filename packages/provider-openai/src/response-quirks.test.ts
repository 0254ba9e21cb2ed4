import type { ChatCompletion } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { findPreset } from './openai-compatible-presets.js';
import { createChunkRewriter, needsResponseRewrite, rewriteCompletion } from './response-quirks.js';
import { chunkLines, jsonFixture } from './test-support/fixtures.js';

const groq = findPreset('groq')!.quirks;

describe('response quirks', () => {
  it('moves Groq reasoning to reasoning_content in the recorded completion', () => {
    const completion = JSON.parse(jsonFixture('groq-reasoning.json')) as ChatCompletion;
    const reasoning = (completion.choices[0]!.message as Record<string, unknown>).reasoning;
    expect(rewriteCompletion(groq, completion)).toBe(true);
    expect(completion.choices[0]!.message.reasoning_content).toBe(reasoning);
    expect(completion.choices[0]!.message).not.toHaveProperty('reasoning');
    expect(rewriteCompletion(groq, JSON.parse(jsonFixture('deepseek-reasoning.json')) as ChatCompletion)).toBe(false);
  });

  it('passes chunks without a quirk through as the upstream text', () => {
    const rewrite = createChunkRewriter(groq)!;
    const [first, second] = chunkLines('groq-tool-call.chunks.txt');
    expect(rewrite(second!).json).toBe(second);
    // The first chunk names x_groq but has no usage to lift: it is parsed, then still passed through as text.
    expect(rewrite(first!).json).toBe(first);
  });

  it('lifts usage from x_groq when the chunk has none', () => {
    const last = JSON.parse(chunkLines('groq-tool-call.chunks.txt')[2]!) as Record<string, unknown>;
    const recordedUsage = last.usage;
    delete last.usage; // older Groq responses carried usage only under x_groq
    const part = createChunkRewriter(groq)!(JSON.stringify(last));
    expect(part.usage).toEqual(recordedUsage);
    expect(JSON.parse(part.json).usage).toEqual(recordedUsage);
  });

  it('renames a streamed reasoning delta', () => {
    const chunk = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { reasoning: 'Okay' }, finish_reason: null }] };
    const part = createChunkRewriter(findPreset('openrouter')!.quirks)!(JSON.stringify(chunk));
    expect(part.chunk.choices[0]!.delta).toEqual({ reasoning_content: 'Okay' });
  });

  it('needs no rewriter for pass-through presets', () => {
    expect(needsResponseRewrite(findPreset('openai')!.quirks)).toBe(false);
    expect(createChunkRewriter(findPreset('deepseek')!.quirks)).toBeUndefined();
  });
});

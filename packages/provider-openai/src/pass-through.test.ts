import { useRecordedServer } from '@switchyard/provider-kit/testing';
import type { ChatStream } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createOpenAI } from './openai-provider.js';
import { chunkLines, jsonFixture, openAIStreamBody } from './test-support/fixtures.js';

async function forwardedTexts(stream: ChatStream): Promise<string[]> {
  const texts: string[] = [];
  for await (const part of stream) texts.push(part.json);
  return texts;
}

/** What the gateway writes: each batch's SSE, joined. */
async function forwardedSse(stream: ChatStream, omitUsageOnly: boolean): Promise<string> {
  const batches = stream.batches?.();
  if (batches === undefined) throw new Error('no batches');
  let sse = '';
  for (let result = await batches.next(); result.done !== true; result = await batches.next()) {
    const framed = result.value.sse(omitUsageOnly);
    sse += typeof framed === 'string' ? framed : Buffer.from(framed).toString('utf8');
  }
  return sse;
}

describe('what the gateway forwards is the upstream text', () => {
  const server = useRecordedServer();

  it('streams each event as the JSON text the upstream sent, byte for byte, and stops at [DONE]', async () => {
    server().clear();
    server().enqueue({ body: openAIStreamBody('openai-text.chunks.txt') });
    const openai = createOpenAI({ apiKey: 'k', baseURL: server().origin, env: {} });
    const stream = await openai.streamChat({ model: 'gpt-4.1-nano', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    expect(await forwardedTexts(stream)).toEqual(chunkLines('openai-text.chunks.txt'));
  });

  it('hands over batches whose SSE is the upstream frames byte for byte, without [DONE]', async () => {
    server().clear();
    server().enqueue({ body: openAIStreamBody('openai-text.chunks.txt') });
    const openai = createOpenAI({ apiKey: 'k', baseURL: server().origin, env: {} });
    const stream = await openai.streamChat({ model: 'gpt-4.1-nano', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    const lines = chunkLines('openai-text.chunks.txt');
    expect(await forwardedSse(stream, false)).toBe(lines.map((line) => `data: ${line}\n\n`).join(''));
  });

  it('keeps the untranslated chunks of a translating preset as upstream text too', async () => {
    server().clear();
    server().enqueue({ body: openAIStreamBody('groq-tool-call.chunks.txt') });
    const groq = createOpenAI({ provider: 'groq', apiKey: 'k', baseURL: server().origin, env: {} });
    const stream = await groq.streamChat({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'Hi' }] });
    expect(await forwardedTexts(stream)).toEqual(chunkLines('groq-tool-call.chunks.txt'));
  });

  it('returns a non-streamed answer as the upstream bytes', async () => {
    server().clear();
    server().enqueue({ body: jsonFixture('xai-text.json') });
    const xai = createOpenAI({ provider: 'xai', apiKey: 'k', baseURL: server().origin, env: {} });
    const result = await xai.chat({ model: 'grok-3-mini', messages: [{ role: 'user', content: 'Say a single word.' }] });
    expect(Buffer.from(result.body).equals(Buffer.from(jsonFixture('xai-text.json')))).toBe(true);
  });
});

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

describe('what the gateway forwards is the upstream text', () => {
  const server = useRecordedServer();

  it('streams each event as the JSON text the upstream sent, byte for byte, and stops at [DONE]', async () => {
    server().clear();
    server().enqueue({ body: openAIStreamBody('openai-text.chunks.txt') });
    const openai = createOpenAI({ apiKey: 'k', baseURL: server().origin, env: {} });
    const stream = await openai.streamChat({ model: 'gpt-4.1-nano', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    expect(await forwardedTexts(stream)).toEqual(chunkLines('openai-text.chunks.txt'));
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

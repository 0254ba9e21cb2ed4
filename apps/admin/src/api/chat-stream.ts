import type { ApiClient } from './api-client';
import { apiErrorFrom } from './api-error';

export interface ChatTurn {
  role: 'user' | 'assistant' | 'system';
  content: string;
}

export interface StreamEvents {
  onText(delta: string): void;
  onUsage?(usage: { prompt_tokens?: number; completion_tokens?: number }): void;
}

/**
 * Splits server-sent-event text into the `data:` payloads of complete events; returns them with the unfinished
 * rest, to be prefixed to the next chunk.
 */
export function takeSseData(buffer: string): { data: string[]; rest: string } {
  const data: string[] = [];
  const events = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = events.pop() ?? '';
  for (const event of events) {
    const lines = event.split('\n').filter((line) => line.startsWith('data:'));
    if (lines.length > 0) data.push(lines.map((line) => line.slice(5).replace(/^ /, '')).join('\n'));
  }
  return { data, rest };
}

/** Applies one `data:` payload of a chat-completions stream; true at `[DONE]`. Throws in-band errors. */
export function applyChunk(payload: string, events: StreamEvents): boolean {
  if (payload.trim() === '[DONE]') return true;
  const chunk = JSON.parse(payload) as {
    error?: { message?: string };
    choices?: Array<{ delta?: { content?: string | null } }>;
    usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  };
  if (chunk.error !== undefined) throw apiErrorFrom(502, JSON.stringify({ error: chunk.error }));
  const delta = chunk.choices?.[0]?.delta?.content;
  if (typeof delta === 'string' && delta !== '') events.onText(delta);
  if (chunk.usage) events.onUsage?.(chunk.usage);
  return false;
}

/** Streams a chat through the gateway's `/v1/chat/completions` with the signed-in key. */
export async function streamChat(api: ApiClient, model: string, messages: ChatTurn[], events: StreamEvents, signal?: AbortSignal): Promise<void> {
  const response = await api.stream('/v1/chat/completions', { model, messages, stream: true, stream_options: { include_usage: true } }, signal);
  if (response.body === null) throw new Error('The gateway answered without a body.');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    const { data, rest } = takeSseData(buffer + value);
    buffer = rest;
    for (const payload of data) if (applyChunk(payload, events)) return void reader.cancel();
  }
}

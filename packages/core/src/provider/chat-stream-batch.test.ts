import { describe, expect, it } from 'vitest';
import type { ChatStream, ChatStreamPart } from './chat-result.js';
import { partsOfBatches, streamBatchOfParts, streamBatches } from './chat-stream-batch.js';
import { streamPartFromJson } from './chat-stream-part.js';

const text = '{"id":"c","choices":[{"index":0,"delta":{"content":"hi"}}]}';
const usageOnly = '{"id":"c","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}';

function partStream(parts: ChatStreamPart[], onReturn: () => void = () => {}): ChatStream {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        yield* parts;
      } finally {
        onReturn();
      }
    },
  };
}

describe('stream batches', () => {
  it('frames a batch of parts as SSE and reads its usage', () => {
    const batch = streamBatchOfParts([streamPartFromJson(text), streamPartFromJson(usageOnly)]);
    expect(batch.sse(false)).toBe(`data: ${text}\n\ndata: ${usageOnly}\n\n`);
    expect(batch.sse(true)).toBe(`data: ${text}\n\n`);
    expect(batch.usage?.total_tokens).toBe(7);
    expect(streamBatchOfParts([streamPartFromJson(text)]).usage).toBeUndefined();
  });

  it('makes one batch per part of a stream without batches, and flattens batches back into parts', async () => {
    const parts = [streamPartFromJson(text), streamPartFromJson(usageOnly)];
    const batches = streamBatches(partStream(parts));
    const first = await batches.next();
    expect(first.done === true ? undefined : first.value.parts).toEqual([parts[0]]);
    const flattened: ChatStreamPart[] = [];
    for await (const part of partsOfBatches(streamBatches(partStream(parts)))) flattened.push(part);
    expect(flattened).toEqual(parts);
  });

  it('returns the batches when the parts iteration stops early', async () => {
    let returned = false;
    for await (const part of partsOfBatches(streamBatches(partStream([streamPartFromJson(text), streamPartFromJson(text)], () => (returned = true))))) {
      expect(part.json).toBe(text);
      break;
    }
    expect(returned).toBe(true);
  });
});

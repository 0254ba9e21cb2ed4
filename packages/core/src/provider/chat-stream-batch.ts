import type { Usage } from '../chat/usage.js';
import type { ChatStream, ChatStreamBatch, ChatStreamPart } from './chat-result.js';

/** Whether a part is the usage-only chunk (usage and no choices). */
export function isUsageOnlyPart(part: ChatStreamPart): boolean {
  return part.usage !== undefined && part.chunk.choices.length === 0;
}

class PartsBatch implements ChatStreamBatch {
  constructor(readonly parts: readonly ChatStreamPart[]) {}

  get usage(): Usage | undefined {
    let usage: Usage | undefined;
    for (const part of this.parts) usage = part.usage ?? usage;
    return usage;
  }

  sse(omitUsageOnly: boolean): string {
    let text = '';
    for (const part of this.parts) {
      if (omitUsageOnly && isUsageOnlyPart(part)) continue;
      text += `data: ${part.json}\n\n`;
    }
    return text;
  }
}

/** A batch of parts a provider built (or a part-at-a-time stream's part): framed from `json` when sent. */
export function streamBatchOfParts(parts: readonly ChatStreamPart[]): ChatStreamBatch {
  return new PartsBatch(parts);
}

async function* oneBatchPerPart(stream: AsyncIterable<ChatStreamPart>): AsyncGenerator<ChatStreamBatch> {
  for await (const part of stream) yield new PartsBatch([part]);
}

/** A stream's batches: its own when it has them, else one batch per part. */
export function streamBatches(stream: ChatStream): AsyncIterator<ChatStreamBatch> {
  return stream.batches?.() ?? oneBatchPerPart(stream);
}

/** The parts of a batch iterator, in order; returning from it returns the batches' iterator. */
export async function* partsOfBatches(batches: AsyncIterator<ChatStreamBatch>): AsyncGenerator<ChatStreamPart> {
  let done = false;
  try {
    for (;;) {
      const result = await batches.next();
      if (result.done === true) {
        done = true;
        return;
      }
      yield* result.value.parts;
    }
  } finally {
    if (!done) await batches.return?.();
  }
}

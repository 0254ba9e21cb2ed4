import type { ChatStreamBatch } from '@switchyard/core';
import { sseFramesBatch } from './sse-frames-batch.js';
import { SseParser, type SseEvent } from './sse-parser.js';

const LF = 0x0a;
const CR = 0x0d;
const blankLine = Buffer.from('\n\n');
const doneEvent = Buffer.from('data: [DONE]');

/** What one read completed when all its events were plain `data: {…}` frames. */
export interface SseFramesRead {
  /** The complete frames up to a `[DONE]`, byte for byte as the upstream sent them; undefined when none. */
  readonly batch: ChatStreamBatch | undefined;
  /** Whether a `data: [DONE]` event came (what follows it is not read). */
  readonly done: boolean;
}

export interface SseFrameSplitterOptions {
  /** Parse every read (a provider that rewrites its events). */
  parseAll?: boolean;
}

const nothing: SseFramesRead = { batch: undefined, done: false };

/**
 * What a read's frames are searched for, in one pass over their bytes read as latin1 (one char per byte, so indexes
 * are byte offsets): `"error"` anywhere (the read is parsed, so an in-band error is found as before) and a `"usage"`
 * key holding an object (the frame the batch decodes for its usage). A regular expression runs several times faster
 * than `Buffer#indexOf` or `String#indexOf` with a needle that starts with `"`, the commonest byte in JSON.
 */
const markers = /"(?:error"|usage"\s*:\s*\{)/g;

/** Whether `region[at..]` starts with `data: `. */
function isDataSpace(region: Buffer, at: number): boolean {
  return region[at] === 0x64 && region[at + 1] === 0x61 && region[at + 2] === 0x74 && region[at + 3] === 0x61 && region[at + 4] === 0x3a && region[at + 5] === 0x20;
}

/**
 * Where a `[DONE]` event starts in a region of complete events (its length when none), or -1 when an event is not a
 * one-line `data: {…}` (nor `data: [DONE]`). One native `indexOf` and a few byte tests per event, nothing decoded.
 */
function plainFramesEnd(region: Buffer): number {
  let at = 0;
  while (at < region.length) {
    if (!isDataSpace(region, at)) return -1;
    const lineEnd = region.indexOf(LF, at);
    if (region[lineEnd + 1] !== LF) return -1;
    const first = region[at + 6];
    if (first === 0x7b) {
      at = lineEnd + 2;
      continue;
    }
    return lineEnd - at === doneEvent.length && region.compare(doneEvent, 0, doneEvent.length, at, lineEnd) === 0 ? at : -1;
  }
  return region.length;
}

/**
 * Cuts an OpenAI-format chunk stream (an SSE body) into runs of complete events for a pass-through: a read whose
 * complete events are all plain `data: {…}` frames comes back as one batch of those bytes, untouched
 * (`SseFramesRead`); any other read (comments, `event:` fields, multi-line data, a read mentioning `"error"`, which may
 * be an in-band error) comes back parsed, as `SseEvent`s. Once a CR line end is seen the rest is parsed too (frames are
 * cut at LF LF only). An unfinished event waits for the next read.
 */
export class SseFrameSplitter {
  readonly #parser = new SseParser();
  #pending: Buffer | undefined;
  #parsing = false;

  constructor(options: SseFrameSplitterOptions = {}) {
    this.#parsing = options.parseAll === true;
  }

  push(chunk: Buffer): SseFramesRead | SseEvent[] {
    const buffer = this.#pending === undefined ? chunk : Buffer.concat([this.#pending, chunk]);
    this.#pending = undefined;
    if (this.#parsing) return this.#parser.push(buffer);
    if (buffer.indexOf(CR) !== -1) {
      this.#parsing = true;
      return this.#parser.push(buffer);
    }
    const cut = buffer.lastIndexOf(blankLine);
    if (cut === -1) {
      this.#pending = buffer;
      return nothing;
    }
    const region = cut + 2 === buffer.length ? buffer : buffer.subarray(0, cut + 2);
    if (cut + 2 < buffer.length) this.#pending = buffer.subarray(cut + 2);
    const end = plainFramesEnd(region);
    if (end === -1) return this.#parser.push(region);
    const usageAt: number[] = [];
    const text = region.toString('latin1', 0, end);
    markers.lastIndex = 0;
    for (let found = markers.exec(text); found !== null; found = markers.exec(text)) {
      if (text.charCodeAt(found.index + 1) === 0x65) return this.#parser.push(region);
      usageAt.push(found.index);
    }
    const frames = end === region.length ? region : region.subarray(0, end);
    return { batch: end === 0 ? undefined : sseFramesBatch(frames, usageAt), done: end < region.length };
  }

  /** The body ended: a last event without its blank line is still delivered (parsed). */
  end(): SseEvent[] {
    const pending = this.#pending;
    this.#pending = undefined;
    const events = pending === undefined ? [] : this.#parser.push(pending);
    events.push(...this.#parser.end());
    return events;
  }
}

import { isUsageOnlyPart, streamPartFromJson, type ChatStreamBatch, type ChatStreamPart, type Usage } from '@switchyard/core';

const blankLine = Buffer.from('\n\n');

/** One frame of a batch, found by its bytes: `data: ` at `start`, its blank line ending at `end`. */
interface Frame {
  readonly start: number;
  readonly end: number;
  readonly part: ChatStreamPart;
}

function frameAround(frames: Buffer, at: number): Frame {
  const before = frames.lastIndexOf(blankLine, at);
  const start = before === -1 ? 0 : before + 2;
  const end = frames.indexOf(blankLine, at) + 2;
  return { start, end, part: streamPartFromJson(frames.toString('utf8', start + 6, end - 2)) };
}

/** The frames holding the given offsets (each frame once, in order). */
function framesAround(frames: Buffer, offsets: readonly number[]): Frame[] {
  const found: Frame[] = [];
  for (const at of offsets) {
    const last = found.at(-1);
    if (last === undefined || at >= last.end) found.push(frameAround(frames, at));
  }
  return found;
}

function partsOf(frames: Buffer): ChatStreamPart[] {
  const parts: ChatStreamPart[] = [];
  for (let start = 0; start < frames.length; ) {
    const end = frames.indexOf(blankLine, start) + 2;
    parts.push(streamPartFromJson(frames.toString('utf8', start + 6, end - 2)));
    start = end;
  }
  return parts;
}

class SseFramesBatch implements ChatStreamBatch {
  readonly #usageFrames: Frame[];
  #parts: ChatStreamPart[] | undefined;

  constructor(
    private readonly frames: Buffer,
    usageAt: readonly number[],
  ) {
    this.#usageFrames = usageAt.length === 0 ? [] : framesAround(frames, usageAt);
  }

  get parts(): readonly ChatStreamPart[] {
    this.#parts ??= partsOf(this.frames);
    return this.#parts;
  }

  get usage(): Usage | undefined {
    let usage: Usage | undefined;
    for (const frame of this.#usageFrames) usage = frame.part.usage ?? usage;
    return usage;
  }

  sse(omitUsageOnly: boolean): Buffer {
    if (!omitUsageOnly) return this.frames;
    const dropped = this.#usageFrames.filter((frame) => isUsageOnlyPart(frame.part));
    if (dropped.length === 0) return this.frames;
    const kept: Buffer[] = [];
    let from = 0;
    for (const frame of dropped) {
      if (frame.start > from) kept.push(this.frames.subarray(from, frame.start));
      from = frame.end;
    }
    if (from < this.frames.length) kept.push(this.frames.subarray(from));
    return kept.length === 1 ? (kept[0] as Buffer) : Buffer.concat(kept);
  }
}

/**
 * A batch of plain `data: {…}\n\n` frames (an `SseFrameSplitter` read), sent as the upstream's bytes. Only the frames
 * holding a `usageAt` offset (where a `"usage"` key with an object value was found) are decoded and parsed (for
 * `usage`, and to drop the usage-only chunk); `parts` decodes the rest when read.
 */
export function sseFramesBatch(frames: Buffer, usageAt: readonly number[]): ChatStreamBatch {
  return new SseFramesBatch(frames, usageAt);
}

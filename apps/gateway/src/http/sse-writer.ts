import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { OpenAIErrorBody } from '@switchyard/core';

/** Headers wait this long for the first event to travel with it before they are sent on their own. */
const headerFlushDelayMs = 50;

const doneEvent = 'data: [DONE]\n\n';
const doneEventBytes = Buffer.from(doneEvent);

type Queued = string | Uint8Array;

/** Two runs of framed events as one (strings stay strings; bytes are copied once, into one buffer). */
function joined(first: Queued, second: Queued): Queued {
  if (typeof first === 'string' && typeof second === 'string') return first + second;
  return Buffer.concat([typeof first === 'string' ? Buffer.from(first) : first, typeof second === 'string' ? Buffer.from(second) : second]);
}

function flushHeadersIfIdle(stream: EventStream): void {
  stream.flushHeadersIfIdle();
}

function armHeaderTimer(stream: EventStream): void {
  stream.armHeaderTimer();
}

function flushEvents(stream: EventStream): void {
  stream.flush();
}

function waitForDrain(outgoing: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      outgoing.off('drain', done);
      outgoing.off('close', done);
      resolve();
    };
    outgoing.on('drain', done);
    outgoing.on('close', done);
  });
}

/**
 * An SSE answer. It starts once the upstream accepted the stream, so the first event usually follows at once and
 * the headers go out with it (one write instead of two); a slow first token (a reasoning model) still shows the
 * client an open stream after 50 ms.
 *
 * Events are never held back: each one is queued and the queue goes out at the end of the current tick, as one
 * write. Node's HTTP response buffers a tick's writes until then anyway (it corks the socket), so this changes
 * nothing on the wire; it saves the per-write work of chunked encoding (four socket writes per event). A pass-through
 * hands over the upstream's framed bytes (`writeFramed`), which go out as they are.
 */
export class EventStream {
  #queued: Queued | undefined;
  #flushScheduled = false;
  #drained: Promise<void> | undefined;
  #headerTimer: NodeJS.Timeout | undefined;
  #closed = false;
  /** Whether anything went out yet (`headersSent` is no guide: it is true as soon as `writeHead` ran). */
  #wrote = false;

  constructor(
    private readonly outgoing: ServerResponse,
    headers: OutgoingHttpHeaders,
  ) {
    // The caller's headers are built for this answer alone: set the SSE ones on them instead of copying them all.
    headers['content-type'] = 'text/event-stream; charset=utf-8';
    headers['cache-control'] = 'no-cache';
    headers['x-accel-buffering'] = 'no';
    outgoing.writeHead(200, headers);
    // The first event nearly always follows within this tick (the router hands a stream over once its first part
    // arrived): only when none was queued by the end of the tick is the header timer worth its cost.
    process.nextTick(armHeaderTimer, this);
  }

  /** At the end of the first tick: starts the 50 ms header timer unless an event is on its way with the headers. */
  armHeaderTimer(): void {
    if (this.#closed || this.#wrote || this.#queued !== undefined || this.outgoing.writableEnded) return;
    this.#headerTimer = setTimeout(flushHeadersIfIdle, headerFlushDelayMs, this);
  }

  /** The header timer fired: the client sees an open stream although no event came yet. */
  flushHeadersIfIdle(): void {
    if (this.#wrote || this.outgoing.destroyed || this.outgoing.writableEnded) return;
    this.#wrote = true;
    this.outgoing.flushHeaders();
  }

  /**
   * Queues one `data:` event for this tick's write. Resolves at once (undefined) unless the socket's buffer was full
   * at the last write: then it resolves once it drained (or the client went away), so a slow client applies
   * back-pressure to the upstream read.
   */
  write(data: string): Promise<void> | undefined {
    return this.writeFramed(`data: ${data}\n\n`);
  }

  /** Queues events already framed as SSE (`data: …\n\n` each), such as an upstream's bytes; like `write`. */
  writeFramed(events: string | Uint8Array): Promise<void> | undefined {
    if (events.length === 0) return this.#drained;
    this.#queued = this.#queued === undefined ? events : joined(this.#queued, events);
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      process.nextTick(flushEvents, this);
    }
    return this.#drained;
  }

  /** Writes what this tick queued (called at the end of the tick). */
  flush(): void {
    this.#flushScheduled = false;
    const queued = this.#queued;
    if (queued === undefined || this.outgoing.writableEnded) return;
    this.#queued = undefined;
    this.#wrote = true;
    if (this.outgoing.write(queued) || this.outgoing.destroyed) {
      this.#drained = undefined;
      return;
    }
    this.#drained = waitForDrain(this.outgoing).then(() => {
      this.#drained = undefined;
    });
  }

  /** Ends a stream normally: the queued events, then the `[DONE]` sentinel OpenAI's clients expect. */
  end(): void {
    this.#finish(typeof this.#queued === 'string' || this.#queued === undefined ? doneEvent : doneEventBytes);
  }

  /** Ends a stream that failed after it started: an in-band error event and no `[DONE]` (the SDKs raise APIError). */
  fail(error: OpenAIErrorBody): void {
    this.#finish(`data: ${JSON.stringify(error)}\n\n`);
  }

  /** Stops the header timer; for a stream that ends without `end` or `fail` (the client went away). */
  close(): void {
    this.#closed = true;
    if (this.#headerTimer !== undefined) clearTimeout(this.#headerTimer);
  }

  /** The queued events and `last` in one final write. */
  #finish(last: Queued): void {
    this.close();
    const queued = this.#queued;
    this.#queued = undefined;
    if (!this.outgoing.writableEnded) this.outgoing.end(queued === undefined ? last : joined(queued, last));
  }
}

import type { IncomingHttpHeaders } from 'node:http';

/** A request the mock received (control requests under `/__mock/` are not recorded). */
export interface RecordedRequest {
  method: string;
  /** The routed path: without the `/mock/…/` scenario prefix and without the query string. */
  path: string;
  /** The request target exactly as received, prefix and query string included. */
  url: string;
  /** The query string parameters (the last value wins for a repeated name). */
  query: Record<string, string>;
  /** Header names are lower-case, as Node reports them. */
  headers: IncomingHttpHeaders;
  /** The raw body as UTF-8 text ('' when there is none), cut to its first MiB when longer. */
  body: string;
  /** The body parsed as JSON; undefined when it is empty, not JSON or longer than a MiB. */
  json: unknown;
  /** The canonical scenario string of the request ('' when none was asked for). */
  scenario: string;
}

/** A ring of the most recent requests: recording stays O(1) on the hot path. */
export class RequestRecorder {
  readonly #capacity: number;
  #ring: RecordedRequest[] = [];
  #next = 0;

  constructor(capacity = 1000) {
    this.#capacity = capacity;
  }

  record(request: RecordedRequest): void {
    if (this.#ring.length < this.#capacity) {
      this.#ring.push(request);
      return;
    }
    this.#ring[this.#next] = request;
    this.#next = (this.#next + 1) % this.#capacity;
  }

  /** The recorded requests, oldest first (a fresh array). */
  list(): RecordedRequest[] {
    if (this.#next === 0) return this.#ring.slice();
    return [...this.#ring.slice(this.#next), ...this.#ring.slice(0, this.#next)];
  }

  clear(): void {
    this.#ring = [];
    this.#next = 0;
  }
}

export const faultNames = [
  '429',
  '500',
  '503',
  '529',
  'hang',
  'reset',
  'midstream',
  'context_window',
  'content_policy',
  'bad_request',
  'auth',
] as const;

export type FaultName = (typeof faultNames)[number];

/** What one request asked the mock to do, from `x-mock-*` headers and the `/mock/…/` path prefix. */
export interface Scenario {
  /** Replay the recorded fixture with this file stem. */
  fixture?: string;
  /** Data events of a generated stream (OpenAI: all of them; the text is split into `chunks - 2` deltas). */
  chunks?: number;
  /** Delay before the first byte of the answer. */
  firstTokenMs?: number;
  /** Delay between two stream frames. */
  chunkMs?: number;
  fault?: FaultName;
  /** Seconds announced in `retry-after` (and Gemini's RetryInfo) on 429, 503 and 529. */
  retryAfter?: number;
  /** The fault applies to the first n requests with the same scenario string, then requests succeed. */
  faultTimes?: number;
  /** Answer with a call of this tool (its declared schema fills the arguments), whatever tool_choice says. */
  toolCall?: string;
  /** A free label, so that tests sharing one mock keep their `fault_times` counters apart. */
  id?: string;
  /** The canonical scenario string: sorted `key=value` pairs joined by commas ('' when empty). */
  key: string;
}

export const emptyScenario: Scenario = Object.freeze({ key: '' });

import type { A2aCallOutcome, A2aCallReport } from './call-report.js';

/** Collects what happens during one forwarded call and reports it once, when the call is over. */
export class CallRecorder {
  method = 'unknown';
  stream = false;
  events = 0;
  errorCode: number | undefined;
  taskId: string | undefined;
  taskState: string | undefined;
  readonly #agent: string;
  readonly #protocolVersion: string;
  readonly #startedAt = performance.now();
  readonly #onCall: ((report: A2aCallReport) => void) | undefined;
  #reported = false;

  constructor(agent: string, protocolVersion: string, onCall: ((report: A2aCallReport) => void) | undefined) {
    this.#agent = agent;
    this.#protocolVersion = protocolVersion;
    this.#onCall = onCall;
  }

  /** Keeps the error code and the task a response (or stream event) is about. */
  note(seen: { errorCode?: number; taskId?: string; taskState?: string }): void {
    if (seen.errorCode !== undefined) this.errorCode = seen.errorCode;
    if (seen.taskId !== undefined) this.taskId = seen.taskId;
    if (seen.taskState !== undefined) this.taskState = seen.taskState;
  }

  finish(status: number, outcome: A2aCallOutcome): void {
    if (this.#reported) return;
    this.#reported = true;
    const report: A2aCallReport = {
      agent: this.#agent,
      model: `a2a/${this.#agent}`,
      method: this.method,
      protocolVersion: this.#protocolVersion,
      stream: this.stream,
      events: this.events,
      status,
      outcome,
      ...(this.errorCode === undefined ? {} : { errorCode: this.errorCode }),
      ...(this.taskId === undefined ? {} : { taskId: this.taskId }),
      ...(this.taskState === undefined ? {} : { taskState: this.taskState }),
      durationMs: performance.now() - this.#startedAt,
    };
    try {
      this.#onCall?.(report);
    } catch {
      // A failing logger must not break the call it logs.
    }
  }
}

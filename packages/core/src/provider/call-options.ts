/** What the caller controls on one upstream call. */
export interface CallOptions {
  /** Aborts the upstream request (client disconnect, router timeout). */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds; the provider aborts the upstream request after it. */
  timeoutMs?: number;
  /** Extra headers for the upstream request, already filtered by the caller. */
  headers?: Record<string, string>;
  /** The gateway's request id, for upstream correlation headers and logs. */
  requestId?: string;
}

import type { ChatCompletionRequest, ChatProvider, EmbeddingRequest, ErrorKind, Usage } from '@switchyard/core';

/** One recorded upstream answer, served by the conformance kit's loopback server. */
export interface RecordedResponse {
  status?: number;
  headers?: Record<string, string>;
  /**
   * The body. A string or bytes are sent as one body (cut into odd-sized writes to exercise incremental parsing);
   * an array is sent as separate writes, in order.
   */
  body: string | Uint8Array | Array<string | Uint8Array>;
  /**
   * What happens once the body is written: `end` (the default) ends the response, `hang` keeps the connection
   * open without ending it, `reset` destroys the socket (a connection lost mid-body).
   */
  after?: 'end' | 'hang' | 'reset';
}

/** Anything the loopback server can do with a request: answer it, never answer (`hang`), or drop the socket. */
export type UpstreamBehaviour = RecordedResponse | { hang: true } | { reset: true };

/** The request the provider sent upstream, as the kit's server received it. */
export interface CapturedRequest {
  method: string;
  /** Path and query, for example "/v1/chat/completions?api-version=2024-10-21". */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body text. */
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

/** What a chat case expects from the provider's canonical output (streamed parts are aggregated first). */
export interface ChatExpectation {
  /** The assistant text, exactly. */
  text?: string | null;
  /** Tool calls with their names and parsed JSON arguments, in order. */
  toolCalls?: Array<{ name: string; arguments: unknown }>;
  /** A substring of reasoning_content, or null for none. */
  reasoningIncludes?: string | null;
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  /** Usage fields that must match exactly. */
  usage?: Partial<Usage> & {
    prompt_tokens_details?: Record<string, number>;
    completion_tokens_details?: Record<string, number>;
  };
  /** The error kind the call must fail with (for a non-stream case, or before the first stream part). */
  errorKind?: ErrorKind;
  /** For a stream that fails after it started: the kind thrown from the iterator. */
  streamErrorKind?: ErrorKind;
  /** For a rate-limit case: the retry-after the error must carry, in milliseconds. */
  retryAfterMs?: number;
  /** For an error case: the `param` the error must name (null for none). */
  errorParam?: string | null;
  /** For an error case: the `code` the error must carry (null for none). */
  errorCode?: string | null;
}

export interface ChatConformanceCase {
  name: string;
  /** The canonical request given to the provider (`model` is the upstream model id). */
  request: ChatCompletionRequest;
  /** Whether to call streamChat (true) or chat (false). Defaults to request.stream. */
  stream?: boolean;
  upstream: RecordedResponse;
  expect: ChatExpectation;
  /** Extra assertions on what the provider sent upstream (translation rules). */
  assertRequest?: (request: CapturedRequest) => void;
}

export interface EmbeddingConformanceCase {
  name: string;
  request: EmbeddingRequest;
  upstream: RecordedResponse;
  expect: { count: number; dimensions?: number; promptTokens?: number; errorKind?: ErrorKind };
  assertRequest?: (request: CapturedRequest) => void;
}

export interface ProviderConformanceOptions {
  /** The suite's name, usually the package name. */
  name: string;
  /** Builds the provider under test pointed at the kit's loopback server. */
  createProvider: (baseURL: string) => ChatProvider;
  chatCases: ChatConformanceCase[];
  embeddingCases?: EmbeddingConformanceCase[];
  /**
   * A recorded success the generic checks reuse (abort, timeout, unreachable upstream): any chat case that
   * succeeds. Defaults to the first case without an error expectation.
   */
  baselineCase?: string;
  /**
   * A streamed case whose recording carries usage, for the `include_usage` check. Defaults to the first stream
   * case that expects usage.
   */
  usageStreamCase?: string;
  /** Values (API keys, tokens) that must never appear in an error's message or OpenAI body. */
  secrets?: string[];
}

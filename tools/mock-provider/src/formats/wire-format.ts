import type { IncomingHttpHeaders } from 'node:http';
import type { FixtureLibrary } from '../fixtures/fixture-library.js';
import type { ErrorSpec } from '../reply/mock-request-error.js';
import type { Frame, Reply } from '../reply/reply-types.js';
import type { Scenario } from '../scenario/scenario.js';

export type WireFormatName = 'openai' | 'azure' | 'anthropic' | 'gemini' | 'bedrock';

/** How one provider expresses failures. */
export interface WireFormat {
  readonly name: WireFormatName;
  /**
   * The reply for a failure. `stream` tells whether the request asked for a stream: Gemini reports a blocked
   * prompt inside a 200 answer, which must then be a stream.
   */
  errorReply(spec: ErrorSpec, stream: boolean): Reply;
  /** The in-band error that ends a stream early, or undefined when the format drops the connection instead. */
  midstreamError(): Frame | undefined;
}

/** What a route handler gets for one request. */
export interface RouteContext {
  /** Path parameters (model, deployment, method), already percent-decoded. */
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string>>;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (undefined for a request without a body). */
  json: unknown;
  scenario: Scenario;
  fixtures: FixtureLibrary;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Matched against the routed path; named groups become `params`. */
  pattern: RegExp;
  format: WireFormat;
  /** Whether the request asks for a stream (chooses how faults and errors are expressed). */
  isStream(params: Readonly<Record<string, string>>, json: unknown): boolean;
  /** Checks credentials and required headers before anything else. */
  checkAccess?(headers: IncomingHttpHeaders, query: Readonly<Record<string, string>>): ErrorSpec | undefined;
  handle(context: RouteContext): Reply;
}

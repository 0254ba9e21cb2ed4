import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpClient } from '@switchyard/provider-kit';
import type { A2aAgent } from '../config/a2a-agent-registry.js';
import type { CallRecorder } from './call-recorder.js';
import type { CardCache } from './card-cache.js';

/** Everything one forwarded request needs. */
export interface ForwardContext {
  req: IncomingMessage;
  res: ServerResponse;
  agent: A2aAgent;
  http: HttpClient;
  cards: CardCache;
  recorder: CallRecorder;
  /** The caller's `A2A-Version` header, if it sent one. */
  requestedVersion: string | undefined;
  mountPath: string;
  publicUrl: string | undefined;
  maxResponseBytes: number;
}

/** The version a call is in: the caller's `A2A-Version`, `0.3` when absent (A2A 1.0 spec, section 3.6.2). */
export function effectiveVersion(requestedVersion: string | undefined): string {
  return requestedVersion ?? '0.3';
}

/** Sends a complete JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** The caller's value of a request header, when it sent exactly one non-empty value. */
export function singleHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads a fixture file as UTF-8 text. `dir` is a folder path or a `file:` URL, typically
 * `new URL('./__fixtures__/', import.meta.url)`.
 */
export function readFixture(dir: string | URL, name: string): string {
  const folder = dir instanceof URL || dir.startsWith('file:') ? fileURLToPath(dir) : dir;
  return readFileSync(join(folder, name), 'utf8');
}

/** Splits a `.chunks.txt` fixture (one JSON payload per line, no SSE framing) into its lines. */
export function chunksFromFixture(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/** Reads a `.chunks.txt` fixture and returns its lines. */
export function readChunksFixture(dir: string | URL, name: string): string[] {
  return chunksFromFixture(readFixture(dir, name));
}

export interface SseFromChunksOptions {
  /** Name each event after its JSON `.type` (`event: <type>`), as Anthropic and OpenAI Responses do. */
  event?: boolean;
  /** The blank line that ends an event; its half also ends each field line. Defaults to "\n\n". */
  separator?: '\n\n' | '\r\n\r\n';
  /** Appends `data: [DONE]`, as OpenAI Chat Completions does. */
  done?: boolean;
}

/** Frames payload lines as a server-sent-events body, the way the recorded provider sent them. */
export function sseFromChunks(lines: readonly string[], options: SseFromChunksOptions = {}): string {
  const separator = options.separator ?? '\n\n';
  const newline = separator === '\r\n\r\n' ? '\r\n' : '\n';
  let body = '';
  for (const line of lines) {
    if (options.event) body += `event: ${eventType(line)}${newline}`;
    body += `data: ${line}${separator}`;
  }
  if (options.done) body += `data: [DONE]${separator}`;
  return body;
}

function eventType(line: string): string {
  const parsed: unknown = JSON.parse(line);
  const type = (parsed as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') throw new Error(`sseFromChunks: a line has no string "type" to name its event: ${line.slice(0, 80)}`);
  return type;
}

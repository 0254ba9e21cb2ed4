import type { FixtureFiles, FixtureLibrary } from '../../fixtures/fixture-library.js';
import { recordedErrorStatus } from '../../fixtures/recorded-error-status.js';
import { sseHeaders, type Reply } from '../../reply/reply-types.js';
import { anthropicEvent, mockRequestId } from './anthropic-format.js';

/** Replays a Messages recording: each line as `event: <type>` + `data: <line>`, or the `.json` body. */
export function replayAnthropicFixture(library: FixtureLibrary, stem: string, stream: boolean): Reply {
  return library.replay('anthropic', stem, stream, (files) => (stream ? streamOf(files) : bodyOf(files)));
}

function streamOf(files: FixtureFiles): Reply | undefined {
  if (files.chunks === undefined) return undefined;
  const frames = files.chunks.map((line) => anthropicEvent(eventType(line), line));
  return { kind: 'stream', status: 200, headers: { ...sseHeaders, 'request-id': mockRequestId }, frames };
}

function eventType(line: string): string {
  try {
    const parsed: unknown = JSON.parse(line);
    const type = parsed !== null && typeof parsed === 'object' ? (parsed as { type?: unknown }).type : undefined;
    return typeof type === 'string' ? type : 'message';
  } catch {
    return 'message';
  }
}

function bodyOf(files: FixtureFiles): Reply | undefined {
  if (files.json === undefined) return undefined;
  return {
    kind: 'body',
    status: recordedErrorStatus(files.json),
    headers: { 'content-type': 'application/json', 'request-id': mockRequestId },
    body: files.json,
  };
}

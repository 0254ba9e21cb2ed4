import type { FixtureFiles, FixtureLibrary } from '../../fixtures/fixture-library.js';
import { recordedErrorStatus } from '../../fixtures/recorded-error-status.js';
import { jsonReply, sseHeaders, type Reply } from '../../reply/reply-types.js';
import { geminiEvent } from './gemini-format.js';

/** Replays a Gemini recording: `data: <line>\r\n\r\n` events (or a JSON array without `alt=sse`), or the `.json` body. */
export function replayGeminiFixture(library: FixtureLibrary, stem: string, stream: boolean, sse: boolean): Reply {
  if (stream && !sse) {
    const events = library.replay('gemini', stem, true, (files) => streamOf(files));
    const lines = events.kind === 'stream' ? events.frames.map((frame) => String(frame).slice(6, -4)) : [];
    return jsonReply(200, `[${lines.join(',\n')}]`);
  }
  return library.replay('gemini', stem, stream, (files) => (stream ? streamOf(files) : bodyOf(files)));
}

function streamOf(files: FixtureFiles): Reply | undefined {
  if (files.chunks === undefined) return undefined;
  return { kind: 'stream', status: 200, headers: sseHeaders, frames: files.chunks.map(geminiEvent) };
}

function bodyOf(files: FixtureFiles): Reply | undefined {
  if (files.json === undefined) return undefined;
  return { kind: 'body', status: recordedErrorStatus(files.json), headers: { 'content-type': 'application/json' }, body: files.json };
}

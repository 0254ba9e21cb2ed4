import type { FixtureFiles, FixtureLibrary } from '../../fixtures/fixture-library.js';
import { recordedErrorStatus } from '../../fixtures/recorded-error-status.js';
import { sseHeaders, type Reply } from '../../reply/reply-types.js';

/** Replays a Chat Completions recording: `data: <line>` events and `[DONE]`, a raw `.sse` file, or the `.json` body. */
export function replayOpenAIFixture(library: FixtureLibrary, stem: string, stream: boolean): Reply {
  return library.replay('openai', stem, stream, (files) => (stream ? streamOf(files) : bodyOf(files)));
}

function streamOf(files: FixtureFiles): Reply | undefined {
  if (files.sse !== undefined) {
    const frames = files.sse.split(/(?<=\n\n)/).filter((event) => event.trim() !== '');
    return { kind: 'stream', status: 200, headers: sseHeaders, frames };
  }
  if (files.chunks === undefined) return undefined;
  const frames = [...files.chunks.map((line) => `data: ${line}\n\n`), 'data: [DONE]\n\n'];
  return { kind: 'stream', status: 200, headers: sseHeaders, frames };
}

function bodyOf(files: FixtureFiles): Reply | undefined {
  if (files.json === undefined) return undefined;
  return {
    kind: 'body',
    status: recordedErrorStatus(files.json),
    headers: { 'content-type': 'application/json' },
    body: files.json,
  };
}

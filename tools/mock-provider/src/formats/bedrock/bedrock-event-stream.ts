import { createRequire } from 'node:module';

// Loaded through require so that every consumer gets the CommonJS build: resolved with a bundler's "module"
// condition (Vite's default, used by our vitest setup) @smithy/core points at ESM with extensionless imports,
// which Node cannot load. The mock is imported by other packages' tests, so it must not depend on their config.
const { EventStreamCodec } = createRequire(import.meta.url)(
  '@smithy/eventstream-codec',
) as typeof import('@smithy/eventstream-codec');

const codec = new EventStreamCodec(
  (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
  (text) => Buffer.from(text, 'utf8'),
);

function stringHeader(value: string) {
  return { type: 'string' as const, value };
}

/** One AWS event-stream frame: `:message-type=event`, `:event-type=<type>`, a JSON payload. */
export function eventFrame(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': stringHeader('event'),
      ':event-type': stringHeader(eventType),
      ':content-type': stringHeader('application/json'),
    },
    body: Buffer.from(JSON.stringify(payload), 'utf8'),
  });
}

/** An in-stream exception frame (`:message-type=exception`), e.g. `throttlingException`. */
export function exceptionFrame(exceptionType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': stringHeader('exception'),
      ':exception-type': stringHeader(exceptionType),
      ':content-type': stringHeader('application/json'),
    },
    body: Buffer.from(JSON.stringify(payload), 'utf8'),
  });
}

/** A recorded line `{"<eventType>": {...}}` as its frame; `…Exception` keys become exception frames. */
export function recordedLineFrame(line: string): Uint8Array {
  const parsed: unknown = JSON.parse(line);
  const entries = parsed !== null && typeof parsed === 'object' ? Object.entries(parsed) : [];
  const [entry] = entries;
  if (entries.length !== 1 || entry === undefined) {
    throw new Error(`A Bedrock stream line must hold exactly one event, got: ${line.slice(0, 80)}`);
  }
  const [type, payload] = entry;
  return type.endsWith('Exception') ? exceptionFrame(type, payload) : eventFrame(type, payload);
}

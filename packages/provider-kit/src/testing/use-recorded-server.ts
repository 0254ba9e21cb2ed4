import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startRecordedServer, type RecordedServer, type RecordedServerOptions } from './recorded-server.js';

export interface UseRecordedServerOptions extends RecordedServerOptions {
  /** Forget the captured requests, the queue and the handler before each test. */
  clearBeforeEach?: boolean;
}

/**
 * Starts a recorded loopback server for the surrounding vitest block (closed after it) and returns its getter,
 * which throws when called outside the block's tests.
 */
export function useRecordedServer(options: UseRecordedServerOptions = {}): () => RecordedServer {
  const { clearBeforeEach, ...serverOptions } = options;
  let server: RecordedServer | undefined;
  beforeAll(async () => {
    server = await startRecordedServer(serverOptions);
  });
  afterAll(async () => {
    await server?.close();
    server = undefined;
  });
  if (clearBeforeEach) beforeEach(() => server?.clear());
  return () => {
    if (!server) throw new Error('the recorded server is not running');
    return server;
  };
}

import type { Logger } from '../observability/logger.js';

function describe(error: unknown): Record<string, unknown> {
  // Name and stack only: a message could carry request data, and a stack is enough to find the bug.
  if (error instanceof Error) return { name: error.name, code: (error as { code?: unknown }).code, stack: error.stack };
  return { type: typeof error };
}

/**
 * The last line of defence: an error no handler caught is logged and the process keeps serving, so no single
 * request can take the gateway down.
 */
export function installLastResortHandlers(logger: Logger): void {
  process.on('uncaughtException', (error) => logger.error({ err: describe(error) }, 'uncaught exception (kept serving)'));
  process.on('unhandledRejection', (reason) => logger.error({ err: describe(reason) }, 'unhandled rejection (kept serving)'));
}

export interface ShutdownOptions {
  /** How long in-flight requests may take to finish after the signal. */
  graceMs: number;
  /** Stops accepting, waits for in-flight requests; resolves true when they all finished in time. */
  drain: (graceMs: number) => Promise<boolean>;
  /** Releases what the gateway holds (mock provider, logger buffer) after the server closed. */
  release: () => Promise<void>;
  log: (message: string, fields?: Record<string, unknown>) => void;
  exit: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
}

export interface ShutdownHandle {
  /** Starts the shutdown as a first signal would (a no-op once it started): a cluster primary's request. */
  begin(reason: string): void;
  uninstall(): void;
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests (streams included) finish within the
 * grace period, release resources and exit 0. A second signal cuts the grace period short.
 */
export function installGracefulShutdown(options: ShutdownOptions): ShutdownHandle {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let shuttingDown = false;
  let forceNow: (() => void) | undefined;
  const begin = (reason: string): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    options.log('shutting down: no new connections, waiting for in-flight requests', { signal: reason, graceMs: options.graceMs });
    const forced = new Promise<number>((resolve) => {
      forceNow = () => resolve(0);
    });
    void Promise.race([options.drain(options.graceMs).then((finished) => (finished ? 1 : -1)), forced])
      .then(async (outcome) => {
        if (outcome !== 1) options.log('grace period over: closing the remaining connections');
        await options.release();
      })
      .catch(() => undefined)
      .finally(() => options.exit(0));
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) forceNow?.();
    else begin(signal);
  };
  for (const signal of signals) process.on(signal, onSignal);
  return {
    begin,
    uninstall: () => {
      for (const signal of signals) process.off(signal, onSignal);
    },
  };
}

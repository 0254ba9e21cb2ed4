import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../observability/logger.js';

/** The message a primary sends its workers to start their graceful shutdown (as a first SIGTERM would). */
export const shutdownMessage = 'switchyard:shutdown';

export interface PrimaryOptions {
  workers: number;
  logger: Logger;
  /** How long after the workers were told to stop the primary waits before it kills what is left. */
  graceMs: number;
  exit: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
}

/** A worker that dies this soon after it started does not come back (a config or port error, not a crash). */
const minUptimeMs = 5_000;

/**
 * The cluster primary of `--workers N`: it serves nothing itself. It forks N workers (this same program, which
 * then serves as a gateway; they share the listening socket), replaces a worker that crashes, and on SIGTERM or
 * SIGINT tells every worker to shut down gracefully (in-flight requests finish), waits for them all and exits 0.
 * A second signal is passed on, which cuts the workers' grace period short.
 */
export function runPrimary(options: PrimaryOptions): void {
  const { logger } = options;
  const startedAt = new Map<Worker, number>();
  let stopping = false;
  let failedStart = false;
  const fork = (): void => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
  };
  cluster.on('exit', (worker, code, signal) => {
    const uptime = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (!stopping) {
      logger.error({ workerPid: worker.process.pid, code, signal }, 'gateway worker exited');
      if (uptime >= minUptimeMs) {
        fork();
        return;
      }
      // Dying at start-up (a config error, a port in use) would only repeat: stop everything.
      failedStart = true;
      stop('a worker failed to start');
    }
    if (startedAt.size === 0) {
      logger.info('switchyard gateway stopped (all workers)');
      options.exit(failedStart ? 1 : 0);
    }
  });
  const stop = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down: telling every worker to finish its in-flight requests');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.send(shutdownMessage);
    // A worker that does not finish in its grace period (plus a margin) is killed.
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    }, options.graceMs + 10_000).unref();
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!stopping) return stop(signal);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(signal, onSignal);
  for (let i = 0; i < options.workers; i += 1) fork();
  const pids = Object.values(cluster.workers ?? {}).map((worker) => worker?.process.pid);
  logger.info({ workers: options.workers, workerPids: pids }, 'switchyard gateway primary started its workers');
}

/** In a worker: the primary's shutdown message, or the primary going away, starts the graceful shutdown. */
export function followPrimary(begin: (reason: string) => void): void {
  process.on('message', (message) => {
    if (message === shutdownMessage) begin('primary');
  });
  process.on('disconnect', () => begin('primary gone'));
}

/** Where and how eagerly a measured process runs. */
export interface Placement {
  /** CPU for `taskset -c`; undefined runs unpinned. */
  cpu: number | undefined;
  /** Niceness for `nice -n` (negative: more CPU share against other tenants); 0 leaves it alone. */
  nice: number;
}

/**
 * `nice -n N taskset -c CPU command args`, leaving out what is not asked for. Both exec the next program, so the
 * PID of the spawned process is the command's own (its CPU time is not hidden behind a wrapper).
 */
export function placedCommand(placement: Placement, command: string, args: readonly string[]): [string, string[]] {
  let line = [command, ...args];
  if (placement.cpu !== undefined) line = ['taskset', '-c', String(placement.cpu), ...line];
  if (placement.nice !== 0) line = ['nice', '-n', String(placement.nice), ...line];
  return [line[0] as string, line.slice(1)];
}

/** The proxy under test on one CPU; the mock, wrk and the probe on the other. */
export interface Placements {
  proxy: Placement;
  load: Placement;
}

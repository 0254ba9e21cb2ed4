const loopback = '127.0.0.1';

/**
 * Rewrites the arguments of `net.Server.listen()` so a TCP listen binds 127.0.0.1 whatever host it asked for.
 * Listens on a path, fd or handle are left alone.
 */
export function toLoopback(args: readonly unknown[]): unknown[] {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { path?: unknown; fd?: unknown; handle?: unknown };
    if (options.path !== undefined || options.fd !== undefined || options.handle !== undefined) return [...args];
    return [{ ...options, host: loopback }, ...args.slice(1)];
  }
  if (typeof first !== 'number' && !(typeof first === 'string' && /^\d+$/.test(first))) return [...args];
  // listen(port, host?, backlog?, callback?): replace the host, or insert one before backlog/callback.
  if (second === undefined || second === null || typeof second === 'string') return [first, loopback, ...args.slice(2)];
  return [first, loopback, ...args.slice(1)];
}

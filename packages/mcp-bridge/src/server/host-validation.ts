/** Host names a server bound to loopback should accept (DNS-rebinding protection). */
export const loopbackHostnames: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

function hostnameOf(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1).toLowerCase();
  return (host.split(':')[0] ?? '').toLowerCase();
}

/**
 * True when the request's Host (and Origin, when a browser sent one) name an allowed host. A gateway bound to
 * loopback passes `loopbackHostnames`, so a page on another site that resolves to 127.0.0.1 is refused.
 */
export function hostAllowed(
  headers: { host?: string | undefined; origin?: string | undefined },
  allowedHostnames: readonly string[],
): boolean {
  const allowed = new Set(allowedHostnames.map((name) => name.toLowerCase()));
  if (headers.host === undefined || !allowed.has(hostnameOf(headers.host))) return false;
  if (headers.origin === undefined || headers.origin === 'null') return headers.origin === undefined;
  try {
    return allowed.has(hostnameOf(new URL(headers.origin).host));
  } catch {
    return false;
  }
}

/**
 * The headers of one request to an agent: the agent's configured headers, then the protocol headers of the call
 * (which win). Names are lower-cased so a configured `Content-Type` cannot ride along next to ours.
 */
export function agentRequestHeaders(
  configured: Readonly<Record<string, string>>,
  protocol: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(configured)) headers[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries(protocol)) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return headers;
}

/**
 * The whole environment a stdio MCP server is started with: the configured `env`, plus `PATH` when the config does
 * not set one. PATH is the only variable taken from the gateway, because without it neither the spawn of a bare
 * command (`node`, `npx`, `uvx`) nor the child's own lookups of its interpreter work; it names directories, not
 * secrets. Nothing else of the gateway's environment (keys, tokens, database URLs) reaches the child. Set
 * `env.PATH` to control it, or to an empty string to give the child no PATH at all.
 */
export function stdioEnvironment(
  configured: Readonly<Record<string, string>>,
  gatewayPath: string | undefined = process.env['PATH'],
): Record<string, string> {
  const environment: Record<string, string> = { ...configured };
  if (environment['PATH'] === undefined && gatewayPath !== undefined) environment['PATH'] = gatewayPath;
  if (environment['PATH'] === '') delete environment['PATH'];
  return environment;
}

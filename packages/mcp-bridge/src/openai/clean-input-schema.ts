/**
 * An MCP tool's `inputSchema` as OpenAI function `parameters`, normalised the way LiteLLM does: an object schema
 * with `properties` (default `{}`) and `additionalProperties: false` when the upstream left them out. Meta keys
 * providers reject (`$schema`, `$id`, `$comment`) are dropped at the top level; everything else is kept.
 */
export function cleanInputSchema(inputSchema: unknown): Record<string, unknown> {
  const source = typeof inputSchema === 'object' && inputSchema !== null ? (inputSchema as Record<string, unknown>) : {};
  const { $schema: _schema, $id: _id, $comment: _comment, ...rest } = source;
  return {
    ...rest,
    type: 'object',
    properties: typeof rest['properties'] === 'object' && rest['properties'] !== null ? rest['properties'] : {},
    ...(rest['additionalProperties'] === undefined ? { additionalProperties: false } : {}),
  };
}

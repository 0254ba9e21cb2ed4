import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

type Part = CallToolResult['content'][number];

function partToText(part: Part): string {
  switch (part.type) {
    case 'text':
      return part.text;
    case 'resource':
      return 'text' in part.resource ? part.resource.text : `[resource ${part.resource.uri} (${part.resource.mimeType ?? 'binary'})]`;
    case 'resource_link':
      return `[resource ${part.uri}]`;
    case 'image':
    case 'audio':
      return `[${part.type} ${part.mimeType}]`;
    default:
      return JSON.stringify(part);
  }
}

/**
 * The text a model gets as the `role: "tool"` message for an MCP result: the text parts joined, other parts as
 * short placeholders, or the structured content as JSON when there is no content.
 */
export function toolResultToText(result: CallToolResult): string {
  const content = result.content ?? [];
  if (content.length === 0 && result.structuredContent !== undefined) return JSON.stringify(result.structuredContent);
  return content.map(partToText).join('\n');
}

import type { AgentInput, McpServerInput } from '../../api/mcp-api';
import { optionalText } from '../../lib/form-values';

const namePattern = /^[a-zA-Z0-9_-]{1,64}$/;

function urlOf(form: FormData): string {
  const url = optionalText(form, 'url');
  if (url === undefined || !/^https?:\/\/[^\s]+$/.test(url)) throw new Error('The URL must be an http(s) URL.');
  return url;
}

/** An optional credential header (name and value); write-only, never read back. */
function headersOf(form: FormData): Record<string, string> | undefined {
  const name = optionalText(form, 'header_name');
  const value = optionalText(form, 'header_value');
  if (name === undefined && value === undefined) return undefined;
  if (name === undefined || value === undefined) throw new Error('Give both the header name and its value, or neither.');
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error('The header name may hold letters, digits and dashes only.');
  return { [name.toLowerCase()]: value };
}

function nameOf(form: FormData): string {
  const name = optionalText(form, 'name');
  if (name === undefined || !namePattern.test(name)) throw new Error('The name may hold letters, digits, _ and - (up to 64).');
  return name;
}

export function mcpServerFrom(form: FormData): McpServerInput {
  const transport = optionalText(form, 'transport') === 'sse' ? 'sse' : 'http';
  const input: McpServerInput = { server_name: nameOf(form), url: urlOf(form), transport };
  const description = optionalText(form, 'description');
  if (description !== undefined) input.description = description;
  const headers = headersOf(form);
  if (headers !== undefined) input.headers = headers;
  return input;
}

export function agentFrom(form: FormData): AgentInput {
  const input: AgentInput = { agent_name: nameOf(form), url: urlOf(form) };
  const description = optionalText(form, 'description');
  if (description !== undefined) input.description = description;
  const headers = headersOf(form);
  if (headers !== undefined) input.headers = headers;
  return input;
}

import { anthropicFormat } from '../formats/anthropic/anthropic-format.js';
import { anthropicRoutes } from '../formats/anthropic/anthropic-routes.js';
import { bedrockFormat } from '../formats/bedrock/bedrock-format.js';
import { bedrockRoutes } from '../formats/bedrock/bedrock-routes.js';
import { geminiFormat } from '../formats/gemini/gemini-format.js';
import { geminiRoutes } from '../formats/gemini/gemini-routes.js';
import { azureFormat, openaiFormat } from '../formats/openai/openai-format.js';
import { azureRoutes, openaiRoutes } from '../formats/openai/openai-routes.js';
import type { Route, WireFormat } from '../formats/wire-format.js';

// OpenAI first: it carries the benchmark's hot path.
const routes: readonly Route[] = [...openaiRoutes, ...anthropicRoutes, ...azureRoutes, ...geminiRoutes, ...bedrockRoutes];

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function matchRoute(method: string, path: string): RouteMatch | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match === null) continue;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) params[name] = decodeParam(value);
    return { route, params };
  }
  return undefined;
}

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The wire format to answer in when no route matched, guessed from the path. */
export function formatForPath(path: string): WireFormat {
  if (path.startsWith('/v1/messages')) return anthropicFormat;
  if (path.startsWith('/model/')) return bedrockFormat;
  if (path.startsWith('/openai/')) return azureFormat;
  if (path.includes(':') || path.startsWith('/v1beta') || path.includes('/publishers/google/')) return geminiFormat;
  return openaiFormat;
}

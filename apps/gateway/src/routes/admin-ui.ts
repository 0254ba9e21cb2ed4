import { readFile } from 'node:fs/promises';
import { SwitchyardError } from '@switchyard/core';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { adminUiDir, contentTypeOf, findFile, safeSegments, UnsafePathError, type FoundFile } from './admin-ui-files.js';

export interface AdminUiOptions {
  /** The built console (default: `adminUiDir()`: env SWITCHYARD_ADMIN_DIR or apps/admin/dist). */
  dir?: string;
}

// The console holds an admin key: no framing, no referrer, scripts only from the gateway itself.
const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};
const pageSecurity =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** Vite names the files under assets/ by content hash: they never change, so browsers may keep them for good. */
function cacheControl(segments: readonly string[]): string {
  return segments[0] === 'assets' && segments.length > 1 ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function notFound(c: Context<AppEnv>, message: string): Response {
  return c.json(new SwitchyardError('not_found', message, { code: 'not_found' }).toOpenAIError(), 404);
}

async function sendFile(c: Context<AppEnv>, file: FoundFile, cache: string): Promise<Response> {
  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = { ...securityHeaders, 'content-type': contentTypeOf(file.path), 'cache-control': cache, etag };
  if (file.path.endsWith('.html')) headers['content-security-policy'] = pageSecurity;
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(await readFile(file.path), 200, headers);
}

/**
 * Serves the built admin console at /ui and /ui/*: its files with their content types, and index.html for any
 * other path without a file extension (the console's own routes, such as /ui/keys). Paths that try to leave the
 * directory are refused with a 400.
 */
export function mountAdminUi(app: Hono<AppEnv>, options: AdminUiOptions = {}): void {
  const root = options.dir ?? adminUiDir();
  const handler = async (c: Context<AppEnv>): Promise<Response> => {
    let segments: string[];
    try {
      segments = safeSegments(new URL(c.req.url).pathname.slice('/ui'.length));
    } catch (error) {
      if (!(error instanceof UnsafePathError)) throw error;
      return c.json(new SwitchyardError('bad_request', 'Invalid path below /ui.', { code: 'invalid_path' }).toOpenAIError(), 400);
    }
    const file = segments.length === 0 ? undefined : await findFile(root, segments);
    if (file !== undefined) return sendFile(c, file, cacheControl(segments));
    const last = segments.at(-1) ?? '';
    if (last.includes('.')) return notFound(c, `No such file in the admin console: ${c.req.path}.`);
    const index = await findFile(root, ['index.html']);
    if (index === undefined) {
      return notFound(c, 'The admin console is not built: run `pnpm nx run @switchyard/admin:build`, or set SWITCHYARD_ADMIN_DIR to its dist folder.');
    }
    return sendFile(c, index, 'no-cache');
  };
  app.get('/ui', handler);
  app.get('/ui/*', handler);
}

import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the admin console's built files are: env SWITCHYARD_ADMIN_DIR, else apps/admin/dist beside this app in the
 * repository (this file sits at the same depth in src/ and dist/, so both find it).
 */
export function adminUiDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['SWITCHYARD_ADMIN_DIR'];
  if (configured !== undefined && configured !== '') return resolve(configured);
  return fileURLToPath(new URL('../../../admin/dist', import.meta.url));
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function contentTypeOf(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Thrown for a request path that cannot name a file inside the console (encoded slashes, `..`, NUL). */
export class UnsafePathError extends Error {}

/**
 * The relative file path a URL path below /ui names, as safe segments: each segment is percent-decoded alone, so
 * an encoded `/` or `\` cannot form a separator, and `.`/`..` segments are refused rather than resolved.
 */
export function safeSegments(urlPath: string): string[] {
  const segments: string[] = [];
  for (const raw of urlPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw new UnsafePathError('malformed percent-encoding');
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) throw new UnsafePathError('path segment not allowed');
    segments.push(segment);
  }
  return segments;
}

export interface FoundFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** The regular file at `segments` under `root`, if there is one and it (symlinks resolved) stays inside `root`. */
export async function findFile(root: string, segments: readonly string[]): Promise<FoundFile | undefined> {
  const candidate = resolve(root, ...segments);
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!realFile.startsWith(realRoot + sep)) return undefined;
    const info = await stat(realFile);
    return info.isFile() ? { path: realFile, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

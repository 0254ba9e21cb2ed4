import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One HTTP request, sent identically by wrk and by the TTFB probe. */
export interface RequestSpec {
  method: 'POST';
  /** Path and query, e.g. /v1/chat/completions. */
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface RequestFiles {
  /** The format lua/post.lua reads. */
  wrkFile: string;
  /** JSON of the RequestSpec, for the probe. */
  jsonFile: string;
}

/** Writes the request in both formats under `dir`, named after `name`. */
export async function writeRequestFiles(dir: string, name: string, spec: RequestSpec): Promise<RequestFiles> {
  const headerLines = Object.entries(spec.headers).map(([key, value]) => `${key}: ${value}`);
  const wrkText = `${spec.method} ${spec.path}\n${headerLines.join('\n')}\n\n${spec.body}`;
  const files = { wrkFile: join(dir, `${name}.request.txt`), jsonFile: join(dir, `${name}.request.json`) };
  await writeFile(files.wrkFile, wrkText);
  await writeFile(files.jsonFile, JSON.stringify(spec));
  return files;
}

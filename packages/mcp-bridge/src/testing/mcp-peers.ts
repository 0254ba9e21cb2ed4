import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { loopbackPreload } from './loopback-preload.js';

export { loopbackPreload };

const requireHere = createRequire(import.meta.url);

/** The `dist/index.js` of an installed server package (found from here, or from the calling project). */
function serverEntry(name: string): string {
  try {
    const manifest = requireHere.resolve(`${name}/package.json`, { paths: [import.meta.dirname, process.cwd()] });
    return join(dirname(manifest), 'dist/index.js');
  } catch {
    // Not installed: spawning the path fails with a message naming the package.
    return join(process.cwd(), 'node_modules', name, 'dist/index.js');
  }
}

/**
 * Entry points of the real MCP servers from npm used as upstreams in tests (nobody here wrote them):
 * @modelcontextprotocol/server-everything and server-memory, which the calling project installs.
 */
export const everythingEntry = serverEntry('@modelcontextprotocol/server-everything');
export const memoryEntry = serverEntry('@modelcontextprotocol/server-memory');

/** A stdio `mcp_servers` entry for server-everything. */
export function everythingStdio(extra: Record<string, unknown> = {}) {
  return { transport: 'stdio', command: process.execPath, args: [everythingEntry, 'stdio'], env: {}, ...extra };
}

/** A stdio entry for server-memory with its graph in a fresh temporary file; `cleanup` removes the directory. */
export function memoryStdio(extra: Record<string, unknown> = {}) {
  const directory = mkdtempSync(join(tmpdir(), 'mcp-memory-'));
  const config = {
    transport: 'stdio',
    command: process.execPath,
    args: [memoryEntry],
    env: { MEMORY_FILE_PATH: join(directory, 'memory.jsonl') },
    ...extra,
  };
  return { config, cleanup: () => rmSync(directory, { recursive: true, force: true }) };
}

export interface HttpPeer {
  port: number;
  url: string;
  child: ChildProcess;
  /** Stops the process (SIGKILL: an upstream dying, not shutting down) and waits for it to exit. */
  kill(): Promise<void>;
}

/**
 * Starts server-everything in `streamableHttp` or `sse` mode on 127.0.0.1 (a given port, or a free one), with an
 * explicit environment, and resolves once it is listening.
 */
export function startEverythingHttp(mode: 'streamableHttp' | 'sse', port = 0): Promise<HttpPeer> {
  const child = spawn(process.execPath, ['--import', loopbackPreload, everythingEntry, mode], {
    env: { PORT: String(port), PATH: process.env['PATH'] ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /LOOPBACK_LISTENING (\d+)/.exec(output);
      if (!match) return;
      output = '';
      const bound = Number(match[1]);
      const path = mode === 'sse' ? '/sse' : '/mcp';
      resolve({ port: bound, url: `http://127.0.0.1:${bound}${path}`, child, kill });
    });
    child.once('exit', (code) => reject(new Error(`server-everything ${mode} exited early (${code}): ${output}`)));
  });
}

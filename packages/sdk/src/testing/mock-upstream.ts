import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface MockUpstream {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts @switchyard/mock-provider as its own process on a free loopback port, as an upstream the SDK reaches over
 * HTTP (the SDK may not import tools, and a separate process is what a real upstream is).
 */
export async function startMockUpstream(): Promise<MockUpstream> {
  const manifest = createRequire(import.meta.url).resolve('@switchyard/mock-provider/package.json');
  const cli = join(dirname(manifest), 'dist', 'cli.js');
  const child: ChildProcess = spawn(process.execPath, [cli, '--port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.stderr?.on('data', (data: Buffer) => (output += data.toString()));
    child.once('exit', (code) => reject(new Error(`The mock provider exited (${code}) before listening: ${output}`)));
  });
  return {
    url,
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
export const mainScript = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** Nx builds the gateway before its tests; a bare `vitest run` on a fresh checkout builds it here. */
export function ensureBuilt(): void {
  if (existsSync(mainScript)) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.lib.json'], { cwd: packageDir, stdio: 'inherit' });
}

export interface GatewayProcess {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
}

/** Runs the built CLI as its own process. */
export function runGateway(args: string[], env: NodeJS.ProcessEnv = {}): GatewayProcess {
  const child = spawn(process.execPath, [mainScript, ...args], { env: { PATH: process.env['PATH'], ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout!.setEncoding('utf8').on('data', (text: string) => stdout.push(text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => stderr.push(text));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, stdout, stderr, exited };
}

/** Waits for the "listening" log line and returns the gateway's URL. */
export async function listeningUrl(gateway: GatewayProcess, timeoutMs = 20_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    for (const line of gateway.stdout.join('').split('\n')) {
      if (!line.includes('switchyard gateway listening')) continue;
      return (JSON.parse(line) as { url: string }).url;
    }
    if (gateway.child.exitCode !== null) throw new Error(`gateway exited early: ${gateway.stderr.join('')}`);
    if (Date.now() - started > timeoutMs) throw new Error('gateway did not start in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

import { spawn } from 'node:child_process';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The command is killed, and the promise rejected, after this long. */
  timeoutMs: number;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/**
 * Runs a command without blocking the event loop (a loopback server in this process may have to answer it) and
 * resolves with its output once it exits 0; any other exit, or the timeout, rejects with the output in the message.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (data: string) => (stdout += data));
    child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else {
        const how = signal ? `was killed (${signal}, timeout ${options.timeoutMs} ms)` : `exited ${code}`;
        reject(new Error(`${command} ${args.join(' ')} ${how}:\n${stdout}${stderr}`));
      }
    });
  });
}

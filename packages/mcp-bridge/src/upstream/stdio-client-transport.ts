import { spawn, type ChildProcess } from 'node:child_process';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

export interface StdioClientTransportOptions {
  command: string;
  args: readonly string[];
  /** The complete environment of the child. Unlike the SDK's transport, nothing is merged in. */
  env: Readonly<Record<string, string>>;
  cwd?: string | undefined;
  /** Called with each chunk the child writes to stderr (it is drained either way so the child never blocks). */
  onStderr?: ((chunk: string) => void) | undefined;
  /** How long the child gets to exit after SIGTERM before SIGKILL. */
  killGraceMs?: number;
}

/**
 * An MCP client transport over a child's stdin/stdout whose environment is exactly `env`. The SDK's own
 * StdioClientTransport always adds HOME, LOGNAME, SHELL, TERM and USER from the parent; a gateway must not.
 */
export class ExplicitEnvStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  readonly #options: StdioClientTransportOptions;
  readonly #buffer = new ReadBuffer();
  #child: ChildProcess | undefined;
  #exited: Promise<void> | undefined;

  constructor(options: StdioClientTransportOptions) {
    this.#options = options;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  start(): Promise<void> {
    if (this.#child) throw new Error('transport already started');
    const child = spawn(this.#options.command, [...this.#options.args], {
      env: { ...this.#options.env },
      cwd: this.#options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      shell: false,
      windowsHide: true,
    });
    this.#child = child;
    this.#exited = new Promise((resolve) => child.once('close', () => resolve()));
    child.stdout?.on('data', (chunk: Buffer) => this.#read(chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => this.#options.onStderr?.(chunk));
    child.stdin?.on('error', (error) => this.onerror?.(error));
    child.once('close', () => {
      this.#child = undefined;
      this.onclose?.();
    });
    return new Promise((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', (error) => {
        reject(error);
        this.onerror?.(error);
      });
    });
  }

  #read(chunk: Buffer): void {
    try {
      this.#buffer.append(chunk);
    } catch (error) {
      this.onerror?.(error instanceof Error ? error : new Error(String(error)));
      void this.close();
      return;
    }
    for (;;) {
      let message: JSONRPCMessage | null;
      try {
        message = this.#buffer.readMessage();
      } catch (error) {
        this.onerror?.(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (message === null) return;
      this.onmessage?.(message);
    }
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.#child?.stdin;
    if (!stdin || stdin.destroyed) return Promise.reject(new Error('not connected'));
    return new Promise((resolve) => {
      if (stdin.write(serializeMessage(message))) resolve();
      else stdin.once('drain', resolve);
    });
  }

  /** Ends stdin, sends SIGTERM, and SIGKILL after the grace period; resolves once the child has exited. */
  async close(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    child.stdin?.end();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), this.#options.killGraceMs ?? 2000);
    await this.#exited;
    clearTimeout(timer);
    this.#buffer.clear();
  }
}

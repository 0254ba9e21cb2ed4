import { startMockProvider } from '@switchyard/mock-provider';

export interface DemoUpstream {
  /** The OpenAI-compatible base URL (`.../v1`) the demo model points at. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** Starts the mock provider in-process on an ephemeral loopback port, so the quick start works offline. */
export async function startDemoUpstream(): Promise<DemoUpstream> {
  const mock = await startMockProvider({ port: 0, host: '127.0.0.1' });
  return { baseUrl: `${mock.url}/v1`, close: () => mock.close() };
}

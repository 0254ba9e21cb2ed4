import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioParams, startHarness, type Harness } from '../support/gateway-harness.js';

// Requests of one kept-alive client connection share an abort controller (model-route-support.ts): whatever
// listens to its signal must stop listening when its request ends, or a busy connection leaks listeners.
const yaml = `
model_list:
  - model_name: demo
    litellm_params: ${scenarioParams('chunks=6')}
  - model_name: limited
    litellm_params: ${scenarioParams('fault=429,retry_after=30')}
  - model_name: flaky
    litellm_params: ${scenarioParams('fault=503,fault_times=1,id=keepalive')}
  - model_name: broken-stream
    litellm_params: ${scenarioParams('fault=midstream')}
router_settings: {num_retries: 1, retry_after: 0}
`;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(yaml);
});
afterAll(() => harness.close());

function send(agent: Agent, body: object): Promise<{ status: number; text: string }> {
  const url = new URL(`${harness.url}/v1/chat/completions`);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    req.on('error', reject).end(JSON.stringify(body));
  });
}

describe('one kept-alive client connection', () => {
  it('serves 60 mixed requests (answers, streams, errors, a retry, a mid-stream failure) without leaking abort listeners', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => void warnings.push(warning);
    process.on('warning', onWarning);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const messages = [{ role: 'user', content: 'hi' }];
    const statuses: number[] = [];
    try {
      for (let round = 0; round < 10; round++) {
        const answers = [
          await send(agent, { model: 'demo', messages }),
          await send(agent, { model: 'demo', messages, stream: true }),
          await send(agent, { model: 'demo', messages, stream: true, stream_options: { include_usage: true } }),
          await send(agent, { model: 'limited', messages }),
          await send(agent, { model: 'broken-stream', messages, stream: true }),
          await send(agent, { model: 'no-such-model', messages }),
        ];
        statuses.push(...answers.map((answer) => answer.status));
        expect(answers[1]!.text.endsWith('data: [DONE]\n\n')).toBe(true);
      }
      statuses.push((await send(agent, { model: 'flaky', messages })).status);
    } finally {
      agent.destroy();
      process.off('warning', onWarning);
    }
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 429, 200, 404]);
    expect(statuses.at(-1)).toBe(200);
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});

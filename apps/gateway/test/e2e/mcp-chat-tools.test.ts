import type OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioParams } from '../support/gateway-harness.js';
import { startMcpGateway, type McpGatewaySetup } from '../support/mcp-gateway-setup.js';

let setup: McpGatewaySetup;

beforeAll(async () => {
  setup = await startMcpGateway(`model_list:
  - model_name: demo
    litellm_params: ${scenarioParams('')}
  - model_name: always-tools
    litellm_params: ${scenarioParams('tool_call=everything-echo')}
`);
}, 120_000);
afterAll(() => setup.close());

type ChatParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

/** `{"type": "mcp"}` tools are not in the OpenAI client's types; the wire format is what matters. */
function withMcpTools(params: Omit<ChatParams, 'tools'>, tools: Array<Record<string, unknown>>): ChatParams {
  return { ...params, tools } as unknown as ChatParams;
}

const sumTool = { type: 'mcp', server_label: 'everything', allowed_tools: ['get-sum'], require_approval: 'never' };

function mockChatBodies(): Array<{ messages: Array<Record<string, unknown>>; tools?: Array<{ function: { name: string } }>; tool_choice?: unknown }> {
  return setup.harness.mock.requests.filter((request) => request.path === '/v1/chat/completions').map((request) => request.json as never);
}

describe('chat completions with tools: [{type: "mcp"}] through the official openai client', () => {
  it('runs the tool loop in the gateway and returns the final answer with the mcp_* fields', async () => {
    setup.harness.mock.reset();
    const client = setup.harness.client({ apiKey: setup.keys.admin });
    const params = withMcpTools({ model: 'demo', messages: [{ role: 'user', content: 'add one and one' }], tool_choice: 'required' }, [sumTool]);
    const completion = await client.chat.completions.create(params);
    const message = completion.choices[0]!.message as OpenAI.Chat.Completions.ChatCompletionMessage & { provider_specific_fields?: Record<string, Array<Record<string, unknown>>> };
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(message.tool_calls ?? []).toEqual([]);
    expect(typeof message.content).toBe('string');
    const fields = message.provider_specific_fields!;
    expect(fields['mcp_tool_calls']).toHaveLength(1);
    expect(fields['mcp_call_results']![0]).toMatchObject({ name: 'everything-get-sum', result: { content: [{ type: 'text', text: 'The sum of 1 and 1 is 2.' }] } });

    const bodies = mockChatBodies();
    expect(bodies).toHaveLength(2);
    expect(bodies[0]!.tools!.map((tool) => tool.function.name)).toEqual(['everything-get-sum']);
    expect(bodies[0]!.tool_choice).toBe('required');
    expect(bodies[1]!.tool_choice).toBeUndefined();
    expect(bodies[1]!.messages.at(-1)).toMatchObject({ role: 'tool', content: 'The sum of 1 and 1 is 2.' });
  });

  it('returns the tool calls to the client when approval is required', async () => {
    setup.harness.mock.reset();
    const client = setup.harness.client({ apiKey: setup.keys.admin });
    const params = withMcpTools({ model: 'demo', messages: [{ role: 'user', content: 'add' }], tool_choice: 'required' }, [{ ...sumTool, require_approval: 'always' }]);
    const completion = await client.chat.completions.create(params);
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(completion.choices[0]!.message.tool_calls?.map((call) => (call as { function: { name: string } }).function.name)).toEqual(['everything-get-sum']);
    expect(mockChatBodies()).toHaveLength(1);
  });

  it('stops at the iteration cap when the model keeps calling tools', async () => {
    setup.harness.mock.reset();
    const client = setup.harness.client({ apiKey: setup.keys.admin });
    const echoTool = { type: 'mcp', server_label: 'everything', allowed_tools: ['echo'], require_approval: 'never' };
    const response = await client.chat.completions.create(withMcpTools({ model: 'always-tools', messages: [{ role: 'user', content: 'loop' }] }, [echoTool])).asResponse();
    expect(response.headers.get('x-switchyard-mcp-stopped-by')).toBe('max_iterations');
    const completion = (await response.json()) as OpenAI.Chat.Completions.ChatCompletion;
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(mockChatBodies().length).toBe(Number(response.headers.get('x-switchyard-mcp-model-calls')));
    expect(mockChatBodies().length).toBeGreaterThan(2);
  });

  it('streams the final answer to a streaming client', async () => {
    const client = setup.harness.client({ apiKey: setup.keys.admin });
    const params = { ...withMcpTools({ model: 'demo', messages: [{ role: 'user', content: 'add' }], tool_choice: 'required' }, [sumTool]), stream: true } as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming;
    let text = '';
    let finish: string | null = null;
    for await (const chunk of await client.chat.completions.create(params)) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(finish).toBe('stop');
  });

  it('refuses a server outside the key access with 403, and an unknown one with 404', async () => {
    const memoryOnly = setup.harness.client({ apiKey: setup.keys.memoryOnly });
    const params = withMcpTools({ model: 'demo', messages: [{ role: 'user', content: 'x' }] }, [sumTool]);
    await expect(memoryOnly.chat.completions.create(params)).rejects.toMatchObject({ status: 403 });
    const admin = setup.harness.client({ apiKey: setup.keys.admin });
    const unknown = { type: 'mcp', server_url: 'litellm_proxy/mcp/nope', require_approval: 'never' };
    await expect(admin.chat.completions.create(withMcpTools({ model: 'demo', messages: [{ role: 'user', content: 'x' }] }, [unknown]))).rejects.toMatchObject({ status: 404 });
  });
});

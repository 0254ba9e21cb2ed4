import type { RequestSpec } from '../load/request-spec.js';
import type { Scenario, StreamMode, TargetName } from './scenario.js';

export const benchModel = 'gpt-4o-mini';
export const benchApiKey = 'sk-bench';

function chatBody(mode: StreamMode): string {
  return JSON.stringify({
    model: benchModel,
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: 'Say hello in one short sentence.' },
    ],
    ...(mode === 'stream' ? { stream: true } : {}),
  });
}

/** A `model_list` of one deployment (LiteLLM's shape) with the bench's upstream key. */
export function singleModelConfig(modelName: string, model: string, apiBase: string): string {
  return ['model_list:', `  - model_name: ${modelName}`, '    litellm_params:', `      model: ${model}`, `      api_base: ${apiBase}`, `      api_key: ${benchApiKey}`, ''].join('\n');
}

/** Portkey routes by headers: provider openai, the mock as custom host. */
function routingHeaders(target: TargetName, mockOrigin: string): Record<string, string> {
  if (target !== 'portkey') return {};
  return { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `${mockOrigin}/v1` };
}

/** OpenAI chat completions in, OpenAI out: the gateway only routes and relays (no translation, no governance). */
export const openAiPassthrough: Scenario = {
  name: 'openai',
  summary: 'OpenAI chat completions passed through to an OpenAI-compatible upstream',
  cpuGoalsUs: { 'non-stream': 150, stream: 250 },
  bareRatioGoal: 2,
  request(target, mode, mockOrigin): RequestSpec {
    return {
      method: 'POST',
      path: '/v1/chat/completions',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${benchApiKey}`,
        ...routingHeaders(target, mockOrigin),
      },
      body: chatBody(mode),
    };
  },
  gatewayConfig(mockOrigin) {
    return singleModelConfig(benchModel, `openai/${benchModel}`, `${mockOrigin}/v1`);
  },
};

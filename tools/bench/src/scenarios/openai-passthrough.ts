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

/** Portkey routes by headers: provider openai, the mock as custom host. */
function routingHeaders(target: TargetName, mockOrigin: string): Record<string, string> {
  if (target !== 'portkey') return {};
  return { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `${mockOrigin}/v1` };
}

/** OpenAI chat completions in, OpenAI out: the gateway only routes and relays (no translation, no governance). */
export const openAiPassthrough: Scenario = {
  name: 'openai',
  summary: 'OpenAI chat completions passed through to an OpenAI-compatible upstream',
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
    return [
      'model_list:',
      `  - model_name: ${benchModel}`,
      '    litellm_params:',
      `      model: openai/${benchModel}`,
      `      api_base: ${mockOrigin}/v1`,
      `      api_key: ${benchApiKey}`,
      '',
    ].join('\n');
  },
};

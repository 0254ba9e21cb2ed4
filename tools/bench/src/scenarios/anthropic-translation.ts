import type { RequestSpec } from '../load/request-spec.js';
import { benchApiKey, singleModelConfig } from './openai-passthrough.js';
import type { Scenario, StreamMode, TargetName } from './scenario.js';

export const anthropicModel = 'claude-3-5-haiku-latest';

const system = 'You are a helpful assistant.';
const user = 'Say hello in one short sentence.';
const maxTokens = 256;

/** What the gateway and Portkey get: an OpenAI chat request for a Claude model. */
function openAiBody(mode: StreamMode): string {
  return JSON.stringify({
    model: anthropicModel,
    max_tokens: maxTokens,
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
    ...(mode === 'stream' ? { stream: true } : {}),
  });
}

/** What `direct` and `bare` send: the same call in Anthropic's Messages format, straight to the mock. */
function anthropicBody(mode: StreamMode): string {
  return JSON.stringify({
    model: anthropicModel,
    max_tokens: maxTokens,
    system,
    messages: [{ role: 'user', content: user }],
    ...(mode === 'stream' ? { stream: true } : {}),
  });
}

const speaksAnthropic = (target: TargetName) => target === 'direct' || target === 'bare';

/**
 * OpenAI chat completions in, Anthropic's Messages API out: the gateway translates the request to the mock's
 * `/v1/messages` and the answer (or the event stream) back to OpenAI's shape; Portkey does the same with
 * `x-portkey-provider: anthropic`. `direct` and `bare` send the Anthropic request as-is (no translation), so their
 * figures are the floor of the same upstream call.
 */
export const anthropicTranslation: Scenario = {
  name: 'anthropic',
  summary: 'OpenAI chat completions translated to Anthropic Messages (and back) against the mock\'s /v1/messages',
  cpuGoalsUs: { 'non-stream': 250, stream: 400 },
  request(target, mode, mockOrigin): RequestSpec {
    if (speaksAnthropic(target)) {
      return {
        method: 'POST',
        path: '/v1/messages',
        headers: { 'content-type': 'application/json', 'x-api-key': benchApiKey, 'anthropic-version': '2023-06-01' },
        body: anthropicBody(mode),
      };
    }
    const portkey = target === 'portkey' ? { 'x-portkey-provider': 'anthropic', 'x-portkey-custom-host': `${mockOrigin}/v1` } : {};
    return {
      method: 'POST',
      path: '/v1/chat/completions',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${benchApiKey}`, ...portkey },
      body: openAiBody(mode),
    };
  },
  gatewayConfig(mockOrigin) {
    return singleModelConfig(anthropicModel, `anthropic/${anthropicModel}`, mockOrigin);
  },
  completeMarker(target, mode) {
    if (!speaksAnthropic(target)) return mode === 'stream' ? 'data: [DONE]' : '"choices"';
    return mode === 'stream' ? 'event: message_stop' : '"content"';
  },
};

import { SwitchyardError, type CallOptions, type ChatCompletionRequest, type ChatResult } from '@switchyard/core';
import { readJsonBody } from '@switchyard/provider-kit';
import { convertGoogleResponse } from './convert-google-response.js';
import { googleGenerateContentResponseSchema } from './google-api.js';
import { buildGoogleRequest } from './google-request.js';
import { assertModelId, pickGoogleHeaders, postGoogle, type GoogleCallConfig } from './google-transport.js';

/** One non-streaming chat completion through `:generateContent`. */
export async function googleChat(config: GoogleCallConfig, request: ChatCompletionRequest, options: CallOptions = {}): Promise<ChatResult> {
  // Checked before the body is built, which may fetch media.
  assertModelId(request.model);
  const provider = config.endpoint.provider;
  const body = await buildGoogleRequest(request, {
    model: request.model,
    dropParams: config.dropParams,
    policy: config.media,
    signal: options.signal,
  });
  const response = await postGoogle(config, request.model, 'generateContent', body, options);
  const parsed = googleGenerateContentResponseSchema.safeParse(await readJsonBody(response, provider));
  if (!parsed.success) {
    throw new SwitchyardError('upstream_unavailable', `${provider} answered with a body that is not a GenerateContentResponse`, {
      status: 502,
      provider,
    });
  }
  const completion = convertGoogleResponse(parsed.data, provider, request.model, config.endpoint.secrets());
  return { completion, body: JSON.stringify(completion), usage: completion.usage, upstreamHeaders: pickGoogleHeaders(response.headers) };
}

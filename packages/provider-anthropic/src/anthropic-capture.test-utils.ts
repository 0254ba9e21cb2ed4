import { SwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import { readFixture, useRecordedServer, type CapturedRequest, type RecordedServer } from '@switchyard/provider-kit/testing';
import { expect } from 'vitest';
import { createAnthropic, type AnthropicProviderSettings } from './anthropic-provider.js';

export const testApiKey = 'sk-ant-test-key-0123456789';
const fixtures = new URL('./__fixtures__/', import.meta.url);

export interface CapturedUpstream {
  url: string;
  headers: CapturedRequest['headers'];
  /** The JSON body the provider sent. */
  body: Record<string, unknown>;
}

export interface UpstreamCapture {
  server: () => RecordedServer;
  /** Calls chat() against a recorded text answer and returns the request that reached the upstream. */
  send(request: ChatCompletionRequest, settings?: AnthropicProviderSettings): Promise<CapturedUpstream>;
  /** Calls chat(), expects a SwitchyardError, and checks that nothing was sent upstream. */
  refuse(request: ChatCompletionRequest, settings?: AnthropicProviderSettings): Promise<SwitchyardError>;
}

/** A recorded-server upstream for the tests of one file, answering every call with a recorded text message. */
export function useUpstreamCapture(): UpstreamCapture {
  const current = useRecordedServer();
  const provider = (settings: AnthropicProviderSettings = {}) =>
    createAnthropic({ apiKey: testApiKey, baseURL: current().origin, env: {}, ...settings });
  return {
    server: current,
    async send(request, settings) {
      current().clear();
      current().enqueue({ body: readFixture(fixtures, 'anthropic-text.json') });
      await provider(settings).chat(request);
      const captured = await current().request(0);
      return { url: captured.url, headers: captured.headers, body: captured.json as Record<string, unknown> };
    },
    async refuse(request, settings) {
      current().clear();
      const outcome = await provider(settings).chat(request).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(SwitchyardError.isInstance(outcome), `expected a SwitchyardError, got ${String(outcome)}`).toBe(true);
      expect(current().requests, 'requests sent upstream').toHaveLength(0);
      return outcome as SwitchyardError;
    },
  };
}

/** A one-message user request. */
export function userRequest(model: string, extra: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest {
  return { model, messages: [{ role: 'user', content: 'Hello' }], ...extra };
}

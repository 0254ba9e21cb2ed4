import { SwitchyardError, type ChatCompletionRequest, type ChatResult } from '@switchyard/core';
import { useRecordedServer, type CapturedRequest, type RecordedResponse, type RecordedServer } from '@switchyard/provider-kit/testing';
import { expect } from 'vitest';
import { geminiTestKey, jsonFixture } from './google-conformance-cases.test-utils.js';
import { createGemini, type GoogleProviderSettings } from './google-provider.js';

export interface CaptureHarness {
  readonly server: RecordedServer;
  /** Sends a chat request to a Gemini provider on the loopback server; resolves with what reached the server. */
  capture(request: ChatCompletionRequest, settings?: GoogleProviderSettings): Promise<CapturedRequest>;
  /** Like capture, but returns the upstream body, parsed. */
  body(request: ChatCompletionRequest, settings?: GoogleProviderSettings): Promise<Record<string, unknown>>;
  /** Sends a request that must fail before anything is sent upstream; returns the error. */
  rejected(request: ChatCompletionRequest, settings?: GoogleProviderSettings): Promise<SwitchyardError>;
  /** Sends a request answered by `upstream`; returns the result. */
  answer(request: ChatCompletionRequest, upstream: RecordedResponse, settings?: GoogleProviderSettings): Promise<ChatResult>;
}

/** Registers a loopback Gemini stand-in for the surrounding describe block (answers with google-text.json). */
export function useCaptureServer(): CaptureHarness {
  const current = useRecordedServer({ clearBeforeEach: true });
  const provider = (settings: GoogleProviderSettings = {}) => createGemini({ apiKey: geminiTestKey, baseURL: current().origin, env: {}, ...settings });
  const harness: CaptureHarness = {
    get server() {
      return current();
    },
    async answer(request, upstream, settings) {
      current().clear();
      current().enqueue(upstream);
      return provider(settings).chat(request);
    },
    async capture(request, settings) {
      await harness.answer(request, jsonFixture('google-text.json'), settings);
      return current().request(0);
    },
    async body(request, settings) {
      return (await harness.capture(request, settings)).json as Record<string, unknown>;
    },
    async rejected(request, settings) {
      current().clear();
      const outcome = await provider(settings).chat(request).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(SwitchyardError.isInstance(outcome), 'the call fails with a SwitchyardError').toBe(true);
      expect(current().requests.length, 'requests sent upstream').toBe(0);
      return outcome as SwitchyardError;
    },
  };
  return harness;
}

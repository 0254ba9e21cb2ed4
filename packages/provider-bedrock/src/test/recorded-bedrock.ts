import type { ChatCompletionRequest } from '@switchyard/core';
import type { CapturedRequest, RecordedResponse } from '@switchyard/provider-kit/testing';
import { readChunksFixture, readFixture } from '@switchyard/provider-kit/testing';
import { expect } from 'vitest';
import { concatFrames, framesFromChunks } from './event-stream-frames.js';
import { recomputeAuthorization } from './reference-sigv4.js';

export const fixtures = new URL('../__fixtures__/', import.meta.url);

/** Test credentials (AWS's documented example key pair and session token). */
export const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuw',
};

export const awsOptions = {
  aws_region_name: 'us-east-1',
  aws_access_key_id: credentials.accessKeyId,
  aws_secret_access_key: credentials.secretAccessKey,
  aws_session_token: credentials.sessionToken,
};

export const modelId = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
export const encodedModelId = 'us.anthropic.claude-sonnet-4-5-20250929-v1%3A0';

/** A recorded Converse response as Bedrock serves it. */
export function converseResponse(name: string): RecordedResponse {
  return {
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': `req-${name}` },
    body: readFixture(fixtures, name),
  };
}

/** A recorded ConverseStream as binary event-stream frames (the kit writes them in odd-sized slices). */
export function converseStream(name: string): RecordedResponse {
  return {
    headers: { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': `req-${name}` },
    body: concatFrames(framesFromChunks(readChunksFixture(fixtures, name))),
  };
}

export function chatRequest(overrides: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest {
  return { model: modelId, messages: [{ role: 'user', content: 'Hello' }], ...overrides };
}

/** Asserts the captured request is a correctly signed POST to the model's Converse path. */
export function expectSignedConverse(request: CapturedRequest, operation: 'converse' | 'converse-stream'): void {
  expect(request.method).toBe('POST');
  expect(request.url).toBe(`/model/${encodedModelId}/${operation}`);
  expect(request.headers['content-type']).toBe('application/json');
  expect(request.headers['x-amz-security-token']).toBe(credentials.sessionToken);
  expect(request.headers['authorization']).toBe(recomputeAuthorization(request, credentials.secretAccessKey));
  expect(String(request.headers['authorization'])).toContain(`Credential=${credentials.accessKeyId}/`);
  expect(String(request.headers['authorization'])).toContain('/us-east-1/bedrock/aws4_request');
}

/** The translated Converse body the provider sent. */
export function bodyOf(request: CapturedRequest): Record<string, unknown> {
  return request.json as Record<string, unknown>;
}

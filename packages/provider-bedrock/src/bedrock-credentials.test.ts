import { SwitchyardError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { resolveBedrockConnection } from './bedrock-credentials.js';

const keys = { AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'envsecret', AWS_SESSION_TOKEN: 'envtoken' };

function resolve(settings: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) {
  return resolveBedrockConnection({ provider: 'bedrock', ...settings }, env);
}

describe('resolveBedrockConnection', () => {
  it('uses LiteLLM-named options first: region, key pair, session token', () => {
    const connection = resolve({ options: { aws_region_name: 'eu-west-1', aws_access_key_id: 'AKIAOPT', aws_secret_access_key: 'optsecret', aws_session_token: 'opttoken' } }, keys);
    expect(connection.region).toBe('eu-west-1');
    expect(connection.endpoint).toBe('https://bedrock-runtime.eu-west-1.amazonaws.com');
    expect(connection.auth).toEqual({ type: 'sigv4', credentials: { accessKeyId: 'AKIAOPT', secretAccessKey: 'optsecret', sessionToken: 'opttoken' } });
    expect(connection.secrets).toEqual(['AKIAOPT', 'optsecret', 'opttoken']);
  });

  it('treats apiKey as a Bedrock API key (bearer), ahead of everything else', () => {
    expect(resolve({ apiKey: 'brk-key', options: { aws_access_key_id: 'A', aws_secret_access_key: 'B' } }, keys).auth).toEqual({ type: 'bearer', token: 'brk-key' });
  });

  it('falls back to AWS_BEARER_TOKEN_BEDROCK, then the AWS_* key pair, and AWS_REGION / AWS_DEFAULT_REGION', () => {
    expect(resolve({}, { ...keys, AWS_BEARER_TOKEN_BEDROCK: 'env-bearer' }).auth).toEqual({ type: 'bearer', token: 'env-bearer' });
    const connection = resolve({}, { ...keys, AWS_DEFAULT_REGION: 'ap-south-1' });
    expect(connection.auth).toEqual({ type: 'sigv4', credentials: { accessKeyId: 'AKIAENV', secretAccessKey: 'envsecret', sessionToken: 'envtoken' } });
    expect(connection.region).toBe('ap-south-1');
    expect(resolve({}, { ...keys, AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'ap-south-1' }).region).toBe('us-west-2');
    expect(resolve({}, keys).region).toBe('us-east-1');
  });

  it('does not throw without credentials; the auth is an authentication error naming what to set', () => {
    const auth = resolve({}, {}).auth;
    expect(SwitchyardError.isInstance(auth)).toBe(true);
    expect((auth as SwitchyardError).kind).toBe('authentication');
    expect((auth as SwitchyardError).message).toContain('AWS_ACCESS_KEY_ID');
  });

  it('reports half a key pair, and unsupported credential sources, as authentication errors', () => {
    const half = resolve({ options: { aws_access_key_id: 'AKIAOPT' } }, keys).auth as SwitchyardError;
    expect(half.message).toContain('aws_secret_access_key is missing');
    const role = resolve({ options: { aws_role_name: 'arn:aws:iam::1:role/x' } }, keys).auth as SwitchyardError;
    expect([role.kind, role.message.includes('aws_role_name')]).toEqual(['authentication', true]);
  });

  it('takes the endpoint from baseURL, then aws_bedrock_runtime_endpoint, without a trailing slash', () => {
    expect(resolve({ baseURL: 'http://127.0.0.1:9999/', options: { aws_bedrock_runtime_endpoint: 'https://vpce.example' } }).endpoint).toBe('http://127.0.0.1:9999');
    expect(resolve({ options: { aws_bedrock_runtime_endpoint: 'https://vpce.example/' } }).endpoint).toBe('https://vpce.example');
  });

  it('rejects malformed settings at creation', () => {
    expect(() => resolve({ options: { aws_region_name: 'us east 1' } })).toThrow(/region is malformed/);
    expect(() => resolve({ options: { aws_region_name: 42 } })).toThrow(/must be a string/);
    expect(() => resolve({ baseURL: 'ftp://x' })).toThrow(/http\(s\)/);
    expect(() => resolve({ baseURL: 'not a url' })).toThrow(/not a valid URL/);
  });
});

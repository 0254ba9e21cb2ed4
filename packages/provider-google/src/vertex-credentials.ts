import { readFileSync } from 'node:fs';
import { SwitchyardError } from '@switchyard/core';

export const defaultTokenUri = 'https://oauth2.googleapis.com/token';

export interface ServiceAccountCredentials {
  type: 'service_account';
  clientEmail: string;
  privateKey: string;
  privateKeyId: string | undefined;
  tokenUri: string;
  projectId: string | undefined;
}

export interface AuthorizedUserCredentials {
  type: 'authorized_user';
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  tokenUri: string;
  projectId: string | undefined;
}

export type VertexCredentials = ServiceAccountCredentials | AuthorizedUserCredentials;

function invalid(message: string): SwitchyardError {
  return new SwitchyardError('authentication', `Vertex AI credentials: ${message}`);
}

function text(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function required(record: Record<string, unknown>, key: string, type: string): string {
  const value = text(record, key);
  if (value === undefined) throw invalid(`a ${type} key file needs "${key}"`);
  return value;
}

function fromRecord(record: Record<string, unknown>): VertexCredentials {
  const type = text(record, 'type') ?? 'service_account';
  const tokenUri = text(record, 'token_uri') ?? defaultTokenUri;
  const projectId = text(record, 'project_id') ?? text(record, 'quota_project_id');
  if (type === 'service_account') {
    return {
      type,
      clientEmail: required(record, 'client_email', type),
      privateKey: required(record, 'private_key', type),
      privateKeyId: text(record, 'private_key_id'),
      tokenUri,
      projectId,
    };
  }
  if (type === 'authorized_user') {
    return {
      type,
      clientId: required(record, 'client_id', type),
      clientSecret: required(record, 'client_secret', type),
      refreshToken: required(record, 'refresh_token', type),
      tokenUri,
      projectId,
    };
  }
  throw invalid(`credentials of type "${type.slice(0, 40)}" are not supported (use a service account or authorized user)`);
}

function parseJson(json: string, source: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    // The text may be a private key: never echo it.
    throw invalid(`${source} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid(`${source} is not a JSON object`);
  return parsed as Record<string, unknown>;
}

/**
 * Loads Vertex credentials the way LiteLLM's `vertex_credentials` takes them: a key file's JSON as a string, the
 * parsed object, or a path to the file. Errors never include the file's content.
 */
export function loadVertexCredentials(value: unknown): VertexCredentials {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return fromRecord(value as Record<string, unknown>);
  if (typeof value !== 'string' || value.trim() === '') throw invalid('expected a key file path, its JSON, or its parsed object');
  if (value.trim().startsWith('{')) return fromRecord(parseJson(value, 'the given JSON'));
  let content: string;
  try {
    content = readFileSync(value, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw invalid(`cannot read the key file (${code})`);
  }
  return fromRecord(parseJson(content, 'the key file'));
}

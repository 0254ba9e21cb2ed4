import type { ApiClient } from './api-client';
import { child, listOf, number, text, type Row } from '../lib/records';

export interface LogFilters {
  api_key?: string;
  model?: string;
  status?: 'success' | 'failure' | '';
  start_date?: string;
  end_date?: string;
}

export interface LogRow {
  requestId: string;
  keyHash: string | undefined;
  model: string | undefined;
  modelGroup: string | undefined;
  provider: string | undefined;
  teamId: string | undefined;
  userId: string | undefined;
  status: 'success' | 'failure' | undefined;
  spend: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  startTime: string | undefined;
  latencyMs: number | undefined;
  timeToFirstTokenMs: number | undefined;
  error: string | undefined;
  /** Message bodies, present only when the gateway is set to log them. */
  messages: unknown;
  response: unknown;
}

export interface LogPage {
  logs: LogRow[];
  /** Totals when the API reports them (LiteLLM's bare list does not). */
  total: number | undefined;
  pages: number | undefined;
  /** A full page came back: there may be more. */
  hasMore: boolean;
}

function millisBetween(from: string | undefined, to: string | undefined): number | undefined {
  if (from === undefined || to === undefined) return undefined;
  const span = new Date(to).getTime() - new Date(from).getTime();
  return Number.isFinite(span) && span >= 0 ? span : undefined;
}

function statusOf(row: Row, error: string | undefined): LogRow['status'] {
  const status = text(row, 'status');
  if (status === 'success' || status === 'failure') return status;
  if (status === 'error' || status === 'failed') return 'failure';
  return error === undefined ? undefined : 'failure';
}

function errorOf(row: Row): string | undefined {
  const metadata = child(row, 'metadata');
  const info = child(row, 'error_information') ?? child(metadata, 'error_information');
  return text(info, 'error_message', 'error_class') ?? text(row, 'error', 'error_message', 'error_class') ?? text(metadata, 'error_message', 'error_class');
}

function bodyOf(value: unknown): unknown {
  if (value === undefined || value === null || value === '' || (typeof value === 'object' && Object.keys(value).length === 0)) return undefined;
  return value;
}

export function logRow(row: Row): LogRow {
  const startTime = text(row, 'startTime', 'start_time', 'started_at');
  const promptTokens = number(row, 'prompt_tokens') ?? 0;
  const completionTokens = number(row, 'completion_tokens') ?? 0;
  const error = errorOf(row);
  return {
    requestId: text(row, 'request_id', 'id') ?? '',
    keyHash: text(row, 'api_key', 'key_hash'),
    model: text(row, 'model'),
    modelGroup: text(row, 'model_group'),
    provider: text(row, 'custom_llm_provider', 'provider'),
    teamId: text(row, 'team_id'),
    userId: text(row, 'user', 'user_id'),
    status: statusOf(row, error),
    spend: number(row, 'spend', 'cost') ?? 0,
    promptTokens,
    completionTokens,
    totalTokens: number(row, 'total_tokens') ?? promptTokens + completionTokens,
    startTime,
    latencyMs: number(row, 'latency_ms', 'request_duration_ms') ?? millisBetween(startTime, text(row, 'endTime', 'end_time', 'ended_at')),
    timeToFirstTokenMs:
      number(row, 'time_to_first_token_ms', 'ttft_ms') ?? millisBetween(startTime, text(row, 'completionStartTime', 'completion_start_time')),
    error,
    messages: bodyOf(row['messages']),
    response: bodyOf(row['response']),
  };
}

/** `/spend/logs` answers a bare list (LiteLLM) or a page `{data|logs, total, total_pages}`: both are read. */
export async function listLogs(api: ApiClient, filters: LogFilters, page: number, size: number): Promise<LogPage> {
  const answer = await api.get<unknown>('/spend/logs', { ...filters, page, size });
  const logs = listOf(answer, 'data', 'logs').map(logRow);
  const envelope = (Array.isArray(answer) ? {} : (answer ?? {})) as Row;
  const pages = number(envelope, 'total_pages');
  return {
    logs,
    total: number(envelope, 'total', 'total_count'),
    pages: pages === undefined ? undefined : Math.max(1, pages),
    hasMore: logs.length >= size,
  };
}

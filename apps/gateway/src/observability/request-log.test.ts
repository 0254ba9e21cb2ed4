import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { createRequestLog, type RequestLogEntry } from './request-log.js';

const entries: RequestLogEntry[] = [
  { requestId: 'r1', method: 'POST', route: '/v1/chat/completions', modelGroup: 'gpt-4o-mini', provider: 'openai', status: 200, latencyMs: 1.23, attempts: 1, stream: false, promptTokens: 20, completionTokens: 10 },
  { requestId: 'r2', method: 'POST', route: '/chat/completions', modelGroup: undefined, provider: undefined, status: 404, latencyMs: 0.5, attempts: 0, stream: false, errorKind: 'not_found' },
  { requestId: 'r3', method: 'POST', route: '/v1/chat/completions', modelGroup: 'a "quoted" \\ model\n\u0001é😀', provider: 'anthropic', status: 502, latencyMs: 12, attempts: 3, stream: true, timeToFirstTokenMs: 4.5, errorKind: 'upstream_unavailable', clientClosed: true },
  // An upstream's usage is not checked: whatever JSON it held is written as JSON.
  { requestId: 'r4', method: 'POST', route: '/v1/embeddings', modelGroup: 'e', provider: 'openai', status: 200, latencyMs: Number.NaN, attempts: 1, stream: false, promptTokens: '7', completionTokens: { odd: [1, null] } },
];

function capture(level = 'info') {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines };
}

describe('createRequestLog', () => {
  it('writes the bytes pino writes for the same entry, at info or (failed) error level', () => {
    const fast = capture();
    const viaPino = capture();
    const write = createRequestLog(fast.logger);
    for (const entry of entries) {
      const failed = entry.status >= 500;
      write(entry, failed);
      if (failed) viaPino.logger.error(entry, 'request failed');
      else viaPino.logger.info(entry, 'request');
    }
    expect(fast.lines).toHaveLength(entries.length);
    const withoutTime = (line: string) => line.replace(/"time":\d+/, '"time":0');
    expect(fast.lines.map(withoutTime)).toEqual(viaPino.lines.map(withoutTime));
    for (const line of fast.lines) expect(line.endsWith('}\n')).toBe(true);
    expect(JSON.parse(fast.lines[2]!)).toMatchObject({ level: 'error', msg: 'request failed', modelGroup: entries[2]!.modelGroup, clientClosed: true });
    expect(JSON.parse(fast.lines[3]!)).toMatchObject({ latencyMs: null, promptTokens: '7', completionTokens: { odd: [1, null] } });
  });

  it('honours the level', () => {
    const { logger, lines } = capture('error');
    const write = createRequestLog(logger);
    write(entries[0]!, false);
    write(entries[2]!, true);
    expect(lines.map((line) => (JSON.parse(line) as { requestId: string }).requestId)).toEqual(['r3']);
  });

  it('goes through pino itself for a logger createLogger did not make (bindings, formatters unknown)', () => {
    const lines: string[] = [];
    const logger = pino({ base: { pid: 1 } }, { write: (line: string) => void lines.push(line) });
    createRequestLog(logger)(entries[0]!, false);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, pid: 1, requestId: 'r1', msg: 'request' });
  });
});

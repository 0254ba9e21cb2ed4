import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('createLogger', () => {
  it('writes JSON lines with a level label and redacts credentials wherever they are logged', () => {
    const lines: string[] = [];
    const logger = createLogger({ destination: { write: (line: string) => void lines.push(line) } });
    logger.info({ headers: { authorization: 'Bearer sk-live-1', 'x-api-key': 'sk-live-2' }, settings: { apiKey: 'sk-live-3' }, master_key: 'sk-live-4', requestId: 'r1' }, 'hello');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'info', msg: 'hello', requestId: 'r1', service: 'switchyard-gateway' });
    expect(lines[0]).not.toMatch(/sk-live/);
  });

  it('honours the level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', destination: { write: (line: string) => void lines.push(line) } });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['loud']);
  });
});

import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { spendLogs } from '../schema/index.js';
import { sampleSpendLog } from '../testing/index.js';
import { postgresSafeJson, SPEND_LOG_INSERT_COLUMNS, spendLogRow } from './spend-insert.js';

const columns = Object.values(getTableColumns(spendLogs));

describe('the raw spend-log insert', () => {
  it('writes every column of the drizzle table but created_at, in table order', () => {
    expect([...SPEND_LOG_INSERT_COLUMNS]).toEqual(columns.map((column) => column.name).filter((name) => name !== 'created_at'));
  });

  it('names every column in each row it sends', () => {
    expect(Object.keys(spendLogRow(sampleSpendLog()))).toEqual([...SPEND_LOG_INSERT_COLUMNS]);
  });

  it('fills in the table defaults of the not-null columns a log may leave out', () => {
    const row = spendLogRow({ requestId: 'r', modelGroup: 'm', latencyMs: 1, status: 'success', startedAt: new Date(0), endedAt: new Date(0) });
    for (const column of columns) {
      if (!column.notNull || !column.hasDefault || column.name === 'created_at') continue;
      const value = row[column.name as keyof typeof row];
      // tags' default is the SQL '{}'::text[]; the others are JS values.
      expect(value, column.name).toEqual(column.name === 'tags' ? [] : column.default);
    }
  });

  it('replaces what Postgres cannot store in text (NUL, an unpaired surrogate) and nothing else', () => {
    const json = JSON.stringify(['a\u0000b', '\ud800x', 'y\udc00', '\\ud800', '\\\ud800', '😀', 'plain \\ back']);
    expect(JSON.parse(postgresSafeJson(json))).toEqual(['a\ufffdb', '\ufffdx', 'y\ufffd', '\\ud800', '\\\ufffd', '😀', 'plain \\ back']);
    const clean = JSON.stringify(['no escapes', 'tab\t']);
    expect(postgresSafeJson(clean)).toBe(clean);
  });
});

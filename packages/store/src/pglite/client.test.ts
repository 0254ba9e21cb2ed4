import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../database.js';
import { IN_MEMORY, openPglite } from './client.js';

describe('openPglite', () => {
  it('starts Postgres with 16 MB of shared buffers, not the 128 MB default that would all be resident', async () => {
    const connection = await openPglite(IN_MEMORY);
    try {
      const rows = rowsOf<{ shared_buffers: string }>(await connection.db.execute(sql`show shared_buffers`));
      expect(rows[0]?.shared_buffers).toBe('16MB');
    } finally {
      await connection.close();
    }
  });
});

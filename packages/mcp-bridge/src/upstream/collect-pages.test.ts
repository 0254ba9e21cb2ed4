import { describe, expect, it } from 'vitest';
import { collectPages, type Page } from './collect-pages.js';

function pages(book: Record<string, Page<number>>) {
  const requested: Array<string | undefined> = [];
  const fetchPage = async (cursor: string | undefined) => {
    requested.push(cursor);
    const page = book[cursor ?? 'first'];
    if (!page) throw new Error(`no page ${cursor}`);
    return page;
  };
  return { requested, fetchPage };
}

describe('collectPages', () => {
  it('follows cursors to the last page', async () => {
    const { requested, fetchPage } = pages({
      first: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3], nextCursor: 'c' },
      c: { items: [4] },
    });
    expect(await collectPages(fetchPage)).toEqual([1, 2, 3, 4]);
    expect(requested).toEqual([undefined, 'b', 'c']);
  });

  it('stops on a repeated cursor', async () => {
    const { fetchPage } = pages({ first: { items: [1], nextCursor: 'a' }, a: { items: [2], nextCursor: 'a' } });
    await expect(collectPages(fetchPage)).rejects.toThrow(/repeated cursor/);
  });

  it('stops after the page cap', async () => {
    let n = 0;
    const endless = async () => ({ items: [n], nextCursor: `c${(n += 1)}` });
    await expect(collectPages(endless, { maxPages: 5 })).rejects.toThrow(/exceeded 5 pages/);
    expect(n).toBe(5);
  });

  it('stops past the deadline', async () => {
    let clock = 0;
    const slow = async (cursor: string | undefined) => {
      clock += 1000;
      return { items: [clock], nextCursor: `${cursor ?? ''}x` };
    };
    await expect(collectPages(slow, { deadlineMs: 2500, now: () => clock })).rejects.toThrow(/deadline after 3 pages/);
  });
});

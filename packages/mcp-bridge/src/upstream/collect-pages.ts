export interface Page<T> {
  items: readonly T[];
  nextCursor?: string | undefined;
}

export interface CollectPagesOptions {
  /** Stop (with an error) after this many pages. */
  maxPages?: number;
  /** Stop (with an error) when the whole walk takes longer than this. */
  deadlineMs?: number;
  now?: () => number;
}

/**
 * Follows `nextCursor` until the last page. Guards against upstreams that never finish: a cursor seen before,
 * more than `maxPages` pages, or a walk past its deadline throws rather than returning a silently partial list.
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  options: CollectPagesOptions = {},
): Promise<T[]> {
  const maxPages = options.maxPages ?? 100;
  const now = options.now ?? Date.now;
  const deadline = now() + (options.deadlineMs ?? 30_000);
  const seen = new Set<string>();
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 1; ; page += 1) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    cursor = result.nextCursor;
    if (cursor === undefined || cursor === '') return items;
    if (seen.has(cursor)) throw new Error(`pagination repeated cursor after ${page} pages`);
    if (page >= maxPages) throw new Error(`pagination exceeded ${maxPages} pages`);
    if (now() > deadline) throw new Error(`pagination exceeded its deadline after ${page} pages`);
    seen.add(cursor);
  }
}

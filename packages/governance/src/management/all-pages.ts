import { storeCall } from './management-errors.js';

/** Follows a cursor-paged list to its end. */
export async function allPages<T>(page: (cursor: { cursor?: string }) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const result: { items: T[]; nextCursor: string | null } = await storeCall(() => page(cursor === null ? {} : { cursor: cursor as string }));
    items.push(...result.items);
    cursor = result.nextCursor;
  } while (cursor !== null);
  return items;
}

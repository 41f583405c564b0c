/**
 * Every page of a keyset-paged list, fetched one after another until the API gives no cursor: for
 * screens that need the whole of a list bounded by one owner (an organisation's shortlists, a fair's
 * slots grouped by employer), which stays small enough to show at once.
 */
export async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

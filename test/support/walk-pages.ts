import type { TestApp } from './test-app';

/** Every item of a cursor-paged list, page by page (at most `maxPages`, so a cursor that loops fails). */
export async function walkPages<T>(api: TestApp['api'], path: string, token: string, maxPages = 1_000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < maxPages; pages++) {
    const page: { status: number; body: { items: T[]; nextCursor: string | null } } = await api.get(`${path}${cursor ? `${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    if (page.status !== 200) throw new Error(`${path}: ${page.status} ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`${path}: more than ${maxPages} pages`);
}

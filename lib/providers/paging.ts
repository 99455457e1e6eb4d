/**
 * Walks offset pages until the provider says the last one came, yielding each item once: pages are not
 * snapshots (contract §0.3), so an item that moves between pages while we read is not yielded twice.
 * `versionOf` makes an item that changed while we paged (same id, new version) come again.
 */
export async function* pagesOf<T extends { id: string }>(
  fetchPage: (page: number) => Promise<{ items: T[]; last: boolean }>,
  firstPage: number,
  versionOf: (item: T) => string = () => "",
  maxPages = 1_000_000,
): AsyncGenerator<T[], void, undefined> {
  const seen = new Set<string>();
  const key = (item: T) => `${item.id}\u0000${versionOf(item)}`;
  for (let page = firstPage, read = 0; read < maxPages; page += 1, read += 1) {
    const { items, last } = await fetchPage(page);
    const fresh = items.filter((item) => !seen.has(key(item)));
    for (const item of fresh) seen.add(key(item));
    if (fresh.length > 0) yield fresh;
    if (last) return;
  }
}

/**
 * Whether a page is the last one, from whatever the envelope says: `last` when sent; else the page
 * number against the page count; else a page shorter than asked (or empty) ends the list.
 */
export function pageEnded(page: { last?: boolean | null; number?: number | null; totalPages?: number | null; count: number; size: number }): boolean {
  if (page.count === 0) return true;
  if (typeof page.last === "boolean") return page.last;
  if (typeof page.number === "number" && typeof page.totalPages === "number") return page.number + 1 >= page.totalPages;
  return page.count < page.size;
}

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

export type TKeysetPage<T> = {
  items: T[];
  /** Keys of the refused items on the page (an id, or the raw JSON), so each is counted once. */
  invalid: string[];
  last: boolean;
  /** How many records match from this page's bound on (totalElements), when the provider says. */
  total: number | null;
};

/**
 * Walks a list ordered by a time key (ascending, ties broken by id) that takes an exclusive lower
 * bound, by re-anchoring every page just below the newest key it held, at the provider's resolution
 * (Trulioo's `after` is whole seconds), instead of counting offsets from one fixed start. A record
 * that moves while we read (its key grows, contract §0.3) then lands ahead of us and comes again; it
 * cannot shift an unread record behind us, as it would with offsets.
 *
 * Only when one resolution step holds more than a page (a bulk change) does the walk take offsets
 * within it, where a record moving out could shift another past us. So after such a walk it counts
 * what matches from its start and, while that is more than it has seen (keys only grow: nothing
 * leaves the range), walks again from the first such step; without a total, until a walk over those
 * steps finds nothing new.
 *
 * Yields each item once per version, with `safe`: every record whose key is at or below it has been
 * yielded (in the version it had then), so a cursor set to it after the yielded items are stored never
 * passes a record not stored. `safe` is null until the walk has moved past its start.
 */
export async function* keysetPagesOf<T extends { id: string }>(
  fetchPage: (after: number | undefined, page: number) => Promise<TKeysetPage<T>>,
  keyOf: (item: T) => number,
  options: { start?: number; resolutionMs?: number; versionOf?: (item: T) => string; maxPages?: number; maxRounds?: number } = {},
): AsyncGenerator<{ items: T[]; safe: number | null }, void, undefined> {
  const resolution = options.resolutionMs ?? 1000;
  const versionOf = options.versionOf ?? ((item: T) => String(keyOf(item)));
  const maxPages = options.maxPages ?? 1_000_000;
  const seen = new Set<string>();
  const ids = new Set<string>();
  const refused = new Set<string>();
  let newest: number | null = null;
  let reads = 0;
  let added = 0;
  const take = (page: TKeysetPage<T>) => {
    const fresh = page.items.filter((item) => !seen.has(`${item.id}\u0000${versionOf(item)}`));
    for (const item of fresh) {
      seen.add(`${item.id}\u0000${versionOf(item)}`);
      if (!ids.has(item.id)) added += 1;
      ids.add(item.id);
    }
    page.invalid.forEach((key) => refused.add(key));
    const pageNewest = page.items.reduce<number | null>((max, item) => (max === null || keyOf(item) > max ? keyOf(item) : max), null);
    if (pageNewest !== null && (newest === null || pageNewest > newest)) newest = pageNewest;
    return { fresh, pageNewest };
  };

  let from = options.start;
  for (let round = 0; round < (options.maxRounds ?? 20); round += 1) {
    added = 0;
    let after = from;
    let page = 0;
    // Set once this round takes offsets: from the bound where it did, the cursor waits for the count.
    let offsets: { at: number | undefined } | null = null;
    const safe = (): number | null => {
      if (after === undefined) return null;
      if (!offsets) return after;
      return offsets.at === undefined ? null : Math.min(after, offsets.at);
    };
    for (;;) {
      if (++reads > maxPages) throw new Error(`keyset paging did not reach the last page in ${maxPages} pages`);
      const res = await fetchPage(after, page);
      const { fresh, pageNewest } = take(res);
      if (res.last || res.items.length + res.invalid.length === 0) {
        if (fresh.length > 0) yield { items: fresh, safe: safe() };
        break;
      }
      // Just below the page's newest key, so records tied with it past the page's end come again.
      const next = pageNewest === null ? null : Math.floor((pageNewest - 1) / resolution) * resolution;
      if (next !== null && (after === undefined || next > after)) {
        after = next;
        page = 0;
      } else {
        offsets ??= { at: after };
        page += 1;
      }
      yield { items: fresh, safe: safe() };
    }
    if (!offsets) {
      if (newest !== null) yield { items: [], safe: newest };
      return;
    }
    const addedThisRound = added;
    const check = await fetchPage(options.start, 0);
    const { fresh } = take(check);
    // Without a total, a walk again over the same steps that finds no new record is the proof.
    const complete = check.total === null ? round > 0 && addedThisRound === 0 : ids.size + refused.size >= check.total;
    if (complete) {
      yield { items: fresh, safe: newest };
      return;
    }
    yield { items: fresh, safe: null };
    from = offsets.at;
  }
  throw new Error("keyset paging: records kept moving past the reader; the cursor stays where it was");
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

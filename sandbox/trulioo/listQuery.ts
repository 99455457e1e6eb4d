// Paging over "generated base records + overlay records" without materialising the
// dataset. Base records (A) are identified by index: their order by lastModified is their
// index order. Overlay records (B: mutated or created at run time) are few and sorted in
// memory. A page is cut from the merge of A and B by rank arithmetic.

/** A sorted set of base indices: either all of [0, n) or a precomputed filter result. */
export interface IndexSet {
  readonly size: number;
  at(position: number): number;
  /** Number of members < index. */
  rank(index: number): number;
  has(index: number): boolean;
}

export function rangeSet(n: number): IndexSet {
  return {
    size: n,
    at: (k) => k,
    rank: (i) => Math.max(0, Math.min(n, i)),
    has: (i) => i >= 0 && i < n,
  };
}

export function arraySet(arr: Int32Array): IndexSet {
  const rank = (index: number): number => {
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((arr[mid] ?? 0) < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { size: arr.length, at: (k) => arr[k] ?? -1, rank, has: (i) => arr[rank(i)] === i };
}

export interface SortKey {
  t: number;
  id: string;
}

export function compareKeys(a: SortKey, b: SortKey): number {
  return a.t !== b.t ? a.t - b.t : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface MergeInput<T> {
  set: IndexSet;
  /** Index window [lo, hi) from the time filter. */
  lo: number;
  hi: number;
  /** Sorted base indices held in the overlay; they are skipped in A. */
  overlaid: readonly number[];
  timeOfIndex: (index: number) => number;
  /** Only needed to break ties, so it is computed lazily. */
  idOfIndex: (index: number) => string;
  extra: readonly T[];
  keyOfExtra: (item: T) => SortKey;
  offset: number;
  limit: number;
}

export type Merged<T> = { base: number } | { extra: T };

export function mergePage<T>(m: MergeInput<T>): { total: number; items: Merged<T>[] } {
  const pLo = m.set.rank(m.lo);
  const pHi = Math.max(pLo, m.set.rank(m.hi));
  const excluded: number[] = [];
  for (const x of m.overlaid) if (x >= m.lo && x < m.hi && m.set.has(x)) excluded.push(m.set.rank(x));
  const sizeA = pHi - pLo - excluded.length;
  // The k-th surviving position: skip every excluded position at or before it
  // (excluded[j] - j is non-decreasing, so the count is a binary search).
  const atA = (k: number): number => {
    let lo = 0;
    let hi = excluded.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((excluded[mid] ?? 0) - mid <= pLo + k) lo = mid + 1;
      else hi = mid;
    }
    return m.set.at(pLo + k + lo);
  };
  const before = (index: number, key: SortKey): boolean => {
    const t = m.timeOfIndex(index);
    return t !== key.t ? t < key.t : m.idOfIndex(index) < key.id;
  };
  const rankInA = (key: SortKey): number => {
    // Overlay records usually sort after every base record (they were written "now").
    if (sizeA === 0 || before(atA(sizeA - 1), key)) return sizeA;
    let lo = 0;
    let hi = sizeA;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(atA(mid), key)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const positions = m.extra.map((item, j) => rankInA(m.keyOfExtra(item)) + j);
  const total = sizeA + m.extra.length;
  const end = Math.min(total, m.offset + m.limit);
  const items: Merged<T>[] = [];
  let j = 0;
  while (j < positions.length && (positions[j] ?? 0) < m.offset) j++;
  for (let p = m.offset; p < end; p++) {
    const extra = m.extra[j];
    if (j < positions.length && positions[j] === p && extra !== undefined) {
      items.push({ extra });
      j++;
    } else {
      items.push({ base: atA(p - j) });
    }
  }
  return { total, items };
}

export function insertSorted(list: number[], value: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] !== value) list.splice(lo, 0, value);
}

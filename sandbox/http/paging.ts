// Paging parameter rules for the three providers (contract §0.3). Invalid values fall
// back to defaults or are clamped; paging parameters never cause a 400.

function intParam(v: string | null): number | undefined {
  if (v === null || !/^\s*-?\d+\s*$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Trulioo Export: page 0-based (invalid → 0); limit 1..50, else 20. */
export function truliooPaging(q: URLSearchParams): { page: number; limit: number } {
  const page = intParam(q.get("page"));
  const limit = intParam(q.get("limit"));
  return {
    page: page !== undefined && page >= 0 ? Math.min(page, 1_000_000_000) : 0,
    limit: limit !== undefined && limit >= 1 && limit <= 50 ? limit : 20,
  };
}

export function truliooEnvelope<T>(total: number, page: number, limit: number, data: T[]): Record<string, unknown> {
  const totalPages = Math.ceil(total / limit);
  return {
    totalElements: total,
    totalPages,
    number: page,
    numberOfElements: data.length,
    first: page === 0,
    last: page >= totalPages - 1,
    data,
  };
}

/** Jumio: page ≥ 1 (1-based), size clamped to 1..100, default 50. */
export function jumioPaging(q: URLSearchParams): { page: number; size: number } {
  const page = intParam(q.get("page"));
  const size = intParam(q.get("size"));
  return {
    page: page === undefined ? 1 : Math.min(Math.max(1, page), 1_000_000_000),
    size: size === undefined ? 50 : Math.min(100, Math.max(1, size)),
  };
}

/** TrustX (Spring): page 0-based, size clamped to 1..100, default 20. */
export function springPaging(q: URLSearchParams): { page: number; size: number } {
  const page = intParam(q.get("page"));
  const size = intParam(q.get("size"));
  return {
    page: page === undefined ? 0 : Math.min(Math.max(0, page), 1_000_000_000),
    size: size === undefined ? 20 : Math.min(100, Math.max(1, size)),
  };
}

export function springPage<T>(total: number, page: number, size: number, content: T[]): Record<string, unknown> {
  const totalPages = Math.ceil(total / size);
  return {
    content,
    number: page,
    size,
    totalElements: total,
    totalPages,
    numberOfElements: content.length,
    first: page === 0,
    last: page >= totalPages - 1,
  };
}

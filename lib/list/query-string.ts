// Writing a list's state into its URL, for the browser: no zod here (it would add ~40 KB gzip to
// every list page), only the shape of the list's defaults and filter kinds. params.ts reads URLs.

export type TSortDir = "asc" | "desc";
/** Keyset position: after/before the row whose (sort value, id…) is `key`, or the last page. */
export type TCursor = { dir: "after" | "before"; key: (string | number)[] } | { dir: "last" };
export type TFilterKind = "multi" | "one" | "bool" | "date";

export type TListShape = {
  defaultSort: string;
  defaultDir: TSortDir;
  defaultSize: number;
  defaultColumns: readonly string[];
  filterKinds: Record<string, TFilterKind>;
};

export type TListState = {
  page: number;
  size: number;
  sort: string;
  dir: TSortDir;
  q: string;
  cursor: TCursor | null;
  cols: readonly string[];
  filters: Record<string, unknown>;
};

function encodeBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeCursor(cursor: TCursor): string {
  return cursor.dir === "last" ? "last" : `${cursor.dir === "after" ? "a" : "b"}.${encodeBase64Url(JSON.stringify(cursor.key))}`;
}

function filterToUrl(kind: TFilterKind, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (kind === "multi") return Array.isArray(value) && value.length ? value.join(",") : undefined;
  if (kind === "bool") return value ? "yes" : "no";
  return String(value);
}

/** The URL query of a state, leaving out what equals the defaults (short, bookmarkable URLs). */
export function toListQuery(shape: TListShape, params: TListState): string {
  const out = new URLSearchParams();
  for (const [key, kind] of Object.entries(shape.filterKinds)) {
    const text = filterToUrl(kind, params.filters[key]);
    if (text !== undefined) out.set(key, text);
  }
  if (params.q) out.set("q", params.q);
  if (params.sort !== shape.defaultSort || params.dir !== shape.defaultDir) {
    out.set("sort", params.sort);
    out.set("dir", params.dir);
  }
  if (params.size !== shape.defaultSize) out.set("size", String(params.size));
  if (params.cols.join(",") !== shape.defaultColumns.join(",")) out.set("cols", params.cols.join(","));
  if (params.page > 1 || params.cursor) out.set("page", String(params.page));
  if (params.cursor) out.set("cursor", encodeCursor(params.cursor));
  return out.toString();
}

/** A change of filter, search, sort or page size starts again at the first page. */
export const resetList = <P extends TListState>(params: P, patch: Partial<P>): P => ({ ...params, ...patch, page: 1, cursor: null });

/** A filter patch merged in, with cleared filters dropped, on page 1. */
export function withFilters<P extends TListState>(params: P, patch: Partial<P["filters"]>): P {
  const filters: Record<string, unknown> = { ...params.filters, ...patch };
  for (const key of Object.keys(filters)) if (filters[key] === undefined) delete filters[key];
  return resetList(params, { filters } as Partial<P>);
}

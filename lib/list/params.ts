import { z } from "zod";
import type { TFilterDefs, TFilterValues } from "./filters";
import { decodeBase64Url, toListQuery, type TCursor, type TListShape, type TSortDir } from "./query-string";

export type { TCursor, TSortDir } from "./query-string";

// One list contract for every table: a strict schema of the list's state (page size capped, typed sort
// keys, filters and columns) and a lenient reading of the URL, where a hand-edited value falls back to
// its default with a notice instead of failing the page. Client-safe: the browser writes URLs with it.


export type TListSpec<S extends string, C extends string, F extends TFilterDefs> = {
  /** Schema of the sort value inside a cursor, per sort key. */
  sorts: Record<S, z.ZodType<string | number>>;
  defaultSort: { key: NoInfer<S>; dir: TSortDir };
  /** Schema of the tie-breaking id part of a cursor (the row's primary key). */
  tieBreaker: z.ZodType<(string | number)[]>;
  columns: readonly C[];
  defaultColumns: readonly NoInfer<C>[];
  filters: F;
  pageSizes: readonly number[];
  defaultPageSize: number;
  maxSearch?: number;
};

export type TListParams<S extends string, C extends string, F extends TFilterDefs> = {
  page: number;
  size: number;
  sort: S;
  dir: TSortDir;
  q: string;
  cursor: TCursor | null;
  cols: C[];
  filters: TFilterValues<F>;
};

export type TSearchParamsInput = Record<string, string | string[] | undefined> | URLSearchParams;

const MAX_PAGE = 1_000_000;
export const MAX_OFFSET = 10_000;
const RESERVED = new Set(["page", "size", "sort", "dir", "q", "cursor", "cols"]);
// Control characters never reach a query (PostgreSQL refuses NUL in text).
const CONTROL = /[\u0000-\u001f\u007f]/g;

const show = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

function entries(input: TSearchParamsInput): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (key: string, value: string) => map.set(key, [...(map.get(key) ?? []), value]);
  if (input instanceof URLSearchParams) input.forEach((value, key) => add(key, value));
  else for (const [key, value] of Object.entries(input)) for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) add(key, v);
  return map;
}

export function defineList<S extends string, C extends string, F extends TFilterDefs>(spec: TListSpec<S, C, F>) {
  type TParams = TListParams<S, C, F>;
  const sortKeys = Object.keys(spec.sorts) as [S, ...S[]];
  const defaults: TParams = {
    page: 1,
    size: spec.defaultPageSize,
    sort: spec.defaultSort.key,
    dir: spec.defaultSort.dir,
    q: "",
    cursor: null,
    cols: [...spec.defaultColumns],
    filters: {},
  };

  const ZCursorSchema = z.union([
    z.object({ dir: z.literal("last") }),
    z.object({ dir: z.enum(["after", "before"]), key: z.array(z.union([z.string().max(200), z.number()])).min(2).max(4) }),
  ]);
  const filterShape = Object.fromEntries(Object.entries(spec.filters).map(([k, def]) => [k, def.schema.optional()]));

  /** The strict form, for inputs that are not URLs (saved views, exports, server actions). */
  const ZParamsSchema = z.object({
    page: z.number().int().min(1).max(MAX_PAGE),
    size: z.number().int().refine((n) => spec.pageSizes.includes(n), "Not an offered page size"),
    sort: z.enum(sortKeys),
    dir: z.enum(["asc", "desc"]),
    q: z.string().max(spec.maxSearch ?? 100).refine((q) => !CONTROL.test(q), "No control characters"),
    cursor: ZCursorSchema.nullable(),
    cols: z.array(z.enum(spec.columns as readonly [C, ...C[]])).max(spec.columns.length),
    filters: z.object(filterShape).strict(),
  });

  function decodeCursor(raw: string, sort: S): TCursor | null {
    if (raw === "last") return { dir: "last" };
    const match = /^([ab])\.([A-Za-z0-9_-]{1,600})$/.exec(raw);
    if (!match) return null;
    let key: unknown;
    try {
      key = JSON.parse(decodeBase64Url(match[2]!));
    } catch {
      return null;
    }
    if (!Array.isArray(key) || key.length < 2) return null;
    const value = spec.sorts[sort].safeParse(key[0]);
    const id = spec.tieBreaker.safeParse(key.slice(1));
    if (!value.success || !id.success) return null;
    return { dir: match[1] === "a" ? "after" : "before", key: [value.data, ...id.data] };
  }

  /** Reads a URL leniently: every value that does not parse falls back to its default, with a notice. */
  function parse(input: TSearchParamsInput): { params: TParams; notices: string[] } {
    const raw = entries(input);
    const notices: string[] = [];
    const first = (key: string) => raw.get(key)?.[0];
    const params: TParams = { ...defaults, cols: [...defaults.cols], filters: {} };

    const sort = first("sort");
    if (sort !== undefined) {
      if ((sortKeys as string[]).includes(sort)) params.sort = sort as S;
      else notices.push(`Unknown sort ${show(sort)}: sorted by ${String(defaults.sort)} instead.`);
    }
    const dir = first("dir");
    if (dir !== undefined) {
      if (dir === "asc" || dir === "desc") params.dir = dir;
      else notices.push(`Unknown sort direction ${show(dir)}.`);
    }
    const size = first("size");
    if (size !== undefined) {
      const n = Number(size);
      if (spec.pageSizes.includes(n)) params.size = n;
      else notices.push(`Page size ${show(size)} is not offered: showing ${defaults.size} rows.`);
    }
    const q = first("q");
    if (q !== undefined) {
      const clean = q.replace(CONTROL, "").trim();
      params.q = clean.slice(0, spec.maxSearch ?? 100);
      if (clean !== q.trim() || clean.length > params.q.length) notices.push("The search was shortened or cleaned of control characters.");
    }
    const cols = raw.get("cols");
    if (cols !== undefined) {
      const wanted = cols.flatMap((c) => c.split(",")).filter(Boolean);
      const known = wanted.filter((c): c is C => (spec.columns as readonly string[]).includes(c));
      if (known.length < wanted.length) notices.push("Some columns in the address do not exist and were left out.");
      if (known.length > 0) params.cols = [...new Set(known)];
    }
    for (const [key, def] of Object.entries(spec.filters)) {
      const values = raw.get(key);
      if (!values) continue;
      const { value, dropped } = def.fromUrl(values);
      if (dropped.length) notices.push(`Filter ${key}: ${dropped.map(show).join(", ")} ignored (not a known value).`);
      if (value !== undefined) (params.filters as Record<string, unknown>)[key] = value;
    }
    for (const key of raw.keys()) {
      if (!RESERVED.has(key) && !(key in spec.filters)) notices.push(`Unknown parameter ${show(key)} ignored.`);
    }
    const page = first("page");
    if (page !== undefined) {
      const n = Number(page);
      if (Number.isInteger(n) && n >= 1 && n <= MAX_PAGE) params.page = n;
      else notices.push(`Page ${show(page)} does not exist: showing the first page.`);
    }
    const cursor = first("cursor");
    if (cursor !== undefined) {
      params.cursor = decodeCursor(cursor, params.sort);
      if (!params.cursor) {
        notices.push("The page position in the address is not valid: showing the first page.");
        params.page = 1;
      }
    }
    // Without a cursor a page is reached by OFFSET, which stays cheap only near the start.
    if (!params.cursor && (params.page - 1) * params.size > MAX_OFFSET) {
      notices.push(`Page ${params.page} is too deep to open directly: showing the first page (use Next or Last).`);
      params.page = 1;
    }
    return { params, notices };
  }

  const shape: TListShape = {
    defaultSort: spec.defaultSort.key,
    defaultDir: spec.defaultSort.dir,
    defaultSize: spec.defaultPageSize,
    defaultColumns: spec.defaultColumns,
    filterKinds: Object.fromEntries(Object.entries(spec.filters).map(([k, def]) => [k, def.kind])),
  };
  const toQuery = (params: TParams) => toListQuery(shape, params);

  /** A change of filter, search or sort starts again at the first page. */
  const reset = (params: TParams, patch: Partial<TParams>): TParams => ({ ...params, ...patch, page: 1, cursor: null });

  return { spec, shape, defaults, ZParamsSchema, parse, toQuery, reset };
}

export type TListDefinition<S extends string, C extends string, F extends TFilterDefs> = ReturnType<typeof defineList<S, C, F>>;

import "server-only";
import type pg from "pg";
import type { TCursor, TSortDir } from "./params";
import { join, raw, sql, toQuery, where, type TFragment } from "./sql";

/** A column of the keyset: SQL expression and the cast its cursor value needs. */
export type TKeyColumn = { expr: string; cast: string };

export type TPageInput = {
  /** `FROM … JOIN …` of the list. */
  from: TFragment;
  conditions: TFragment[];
  select: TFragment;
  /** The sort key's expression first, then the primary key (unique together, and indexed in this order). */
  key: TKeyColumn[];
  dir: TSortDir;
  cursor: TCursor | null;
  page: number;
  size: number;
  /** Rows on the last page when the total is exact (total mod size), so pages keep their boundaries. */
  lastPageSize?: number;
};

export type TPage<T> = {
  rows: T[];
  hasNext: boolean;
  hasPrev: boolean;
  next: TCursor | null;
  prev: TCursor | null;
  /** When the last page was asked for. */
  isLast: boolean;
};

/**
 * One page by keyset: `(sort, id) > (cursor)` walks the (sort, id) index from the cursor, so page
 * 20,000 costs what page 2 costs. "before" and "last" read the index backwards and reverse the rows.
 * Without a cursor, a shallow page (checked by the URL parse) is reached by OFFSET.
 */
export function pageQuery(input: TPageInput): { query: TFragment; backwards: boolean } {
  const backwards = input.cursor?.dir === "before" || input.cursor?.dir === "last";
  const ascending = (input.dir === "asc") !== backwards;
  const conditions = [...input.conditions];
  if (input.cursor && input.cursor.dir !== "last") {
    const key = input.cursor.key;
    const columns = raw(input.key.map((k) => k.expr).join(", "));
    const values = join(input.key.map((k, i) => sql`${key[i]}${raw(`::${k.cast}`)}`), ", ");
    conditions.push(sql`(${columns}) ${raw(ascending ? ">" : "<")} (${values})`);
  }
  const order = raw(input.key.map((k) => `${k.expr} ${ascending ? "ASC" : "DESC"}`).join(", "));
  const offset = input.cursor ? 0 : (input.page - 1) * input.size;
  const size = input.cursor?.dir === "last" ? (input.lastPageSize ?? input.size) : input.size;
  const query = sql`SELECT ${input.select} ${input.from} ${where(conditions)} ORDER BY ${order} LIMIT ${size + 1} OFFSET ${offset}`;
  return { query, backwards };
}

export async function readPage<T>(
  db: pg.Pool | pg.PoolClient,
  input: TPageInput,
  keyOf: (row: T) => (string | number)[],
): Promise<TPage<T>> {
  const { query, backwards } = pageQuery(input);
  const result = await db.query(toQuery(query));
  const fetched = result.rows as T[];
  const size = input.cursor?.dir === "last" ? (input.lastPageSize ?? input.size) : input.size;
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (backwards) rows.reverse();
  const dir = input.cursor?.dir;
  const hasPrev = backwards ? more : dir === "after" || input.page > 1;
  const hasNext = backwards ? dir === "before" : more;
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows,
    hasNext,
    hasPrev,
    next: hasNext && last ? { dir: "after", key: keyOf(last) } : null,
    prev: hasPrev && first ? { dir: "before", key: keyOf(first) } : null,
    isLast: dir === "last",
  };
}

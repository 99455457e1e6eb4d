import "server-only";
import type pg from "pg";
import { raw, sql, toQuery, where, type TFragment } from "./sql";

import type { TFacetCounts } from "./types";

export type { TFacetCounts } from "./types";

const EXACT_UP_TO = 50_000;

const planRows = async (pool: pg.Pool, query: TFragment) => {
  const plan = await pool.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(toQuery(sql`EXPLAIN (FORMAT JSON) ${query}`));
  return Math.round(plan.rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
};

/**
 * Counts per value of one column under the other filters: exact by GROUP BY when those rows are few
 * enough to group quickly, else the planner's estimate per value (cheap, and shown as approximate).
 */
export async function facetCounts(
  pool: pg.Pool,
  input: { from: TFragment; conditions: TFragment[]; expr: string; values: readonly string[] },
): Promise<TFacetCounts> {
  const base = sql`SELECT 1 ${input.from} ${where(input.conditions)}`;
  if ((await planRows(pool, base)) <= EXACT_UP_TO) {
    const { rows } = await pool.query<{ value: string; n: number }>(
      toQuery(sql`SELECT ${raw(input.expr)} AS value, count(*)::int AS n ${input.from} ${where(input.conditions)} GROUP BY 1`),
    );
    return { counts: Object.fromEntries(rows.map((r) => [r.value, r.n])), exact: true };
  }
  const counts: Record<string, number> = {};
  for (const value of input.values) {
    counts[value] = await planRows(pool, sql`SELECT 1 ${input.from} ${where([...input.conditions, sql`${raw(input.expr)} = ${value}`])}`);
  }
  return { counts, exact: false };
}

/** Distinct values of an indexed column by a loose index scan: one index probe per value, not a table scan. */
export async function distinctValues(pool: pg.Pool, table: string, column: string, limit = 300): Promise<string[]> {
  const { rows } = await pool.query<{ v: string }>(
    `WITH RECURSIVE t(v) AS (
       (SELECT ${column} FROM ${table} WHERE ${column} IS NOT NULL ORDER BY 1 LIMIT 1)
       UNION ALL
       SELECT (SELECT ${column} FROM ${table} WHERE ${column} > t.v ORDER BY 1 LIMIT 1) FROM t WHERE t.v IS NOT NULL
     ) SELECT v FROM t WHERE v IS NOT NULL LIMIT ${Number(limit)}`,
  );
  return rows.map((r) => r.v);
}

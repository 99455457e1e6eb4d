import "server-only";
import type pg from "pg";
import { inTransaction } from "@/lib/db/sql";
import { raw, toQuery, sql, where, type TFragment } from "./sql";

export type TTotal = { value: number; exact: boolean };

const EXACT_UP_TO = 10_000;
const COUNT_TIMEOUT_MS = 150;

/** Two significant figures: an estimate should not look more precise than it is. */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}

/**
 * The total of a filtered list: exact when that is cheap (up to 10,000 rows, counted with a bound and
 * a time limit), otherwise the planner's estimate, which the UI labels "about". Counting 1,000,000
 * rows exactly on every page view would cost more than the page itself.
 */
export async function countRows(pool: pg.Pool, from: TFragment, conditions: TFragment[]): Promise<TTotal> {
  return (await countRowsGrouped(pool, from, conditions)).total;
}

/**
 * The same count, with counts per value of `groupBy` from the very same bounded scan when it is
 * exact (one pass over the rows gives the total and a facet's counts); `groups` is null otherwise.
 */
export async function countRowsGrouped(
  pool: pg.Pool,
  from: TFragment,
  conditions: TFragment[],
  groupBy?: string,
): Promise<{ total: TTotal; groups: Record<string, number> | null }> {
  const body = sql`${from} ${where(conditions)}`;
  const plan = await pool.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(toQuery(sql`EXPLAIN (FORMAT JSON) SELECT 1 ${body}`));
  const estimate = plan.rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0;
  const about = (n: number) => ({ total: { value: roundEstimate(n), exact: false }, groups: null });
  if (estimate > EXACT_UP_TO * 10) return about(estimate);
  try {
    const rows = await inTransaction(pool, async (client) => {
      await client.query(`SET LOCAL statement_timeout = ${COUNT_TIMEOUT_MS}`);
      const group = raw(groupBy ?? "''");
      const result = await client.query<{ g: string | null; n: number }>(
        toQuery(sql`SELECT g, count(*)::int AS n FROM (SELECT ${group} AS g ${body} LIMIT ${EXACT_UP_TO + 1}) bounded GROUP BY g`),
      );
      return result.rows;
    });
    const counted = rows.reduce((n, r) => n + r.n, 0);
    if (counted > EXACT_UP_TO) return about(Math.max(estimate, counted));
    return { total: { value: counted, exact: true }, groups: groupBy ? Object.fromEntries(rows.map((r) => [r.g ?? "", r.n])) : null };
  } catch (error) {
    // 57014: our own time limit; the estimate is the honest answer then.
    if ((error as { code?: string }).code === "57014") return about(estimate);
    throw error;
  }
}

/** How many rows the last page holds: the remainder when the total is exact, else a full page. */
export const lastPageSize = (total: TTotal, size: number) => (total.exact && total.value > 0 ? total.value % size || size : size);

import "server-only";
import type pg from "pg";
import { inTransaction } from "@/lib/db/sql";
import { toQuery, sql, where, type TFragment } from "./sql";

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
  const body = sql`${from} ${where(conditions)}`;
  const plan = await pool.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(toQuery(sql`EXPLAIN (FORMAT JSON) SELECT 1 ${body}`));
  const estimate = plan.rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0;
  if (estimate > EXACT_UP_TO * 10) return { value: roundEstimate(estimate), exact: false };
  try {
    const counted = await inTransaction(pool, async (client) => {
      await client.query(`SET LOCAL statement_timeout = ${COUNT_TIMEOUT_MS}`);
      const { rows } = await client.query<{ n: number }>(
        toQuery(sql`SELECT count(*)::int AS n FROM (SELECT 1 ${body} LIMIT ${EXACT_UP_TO + 1}) bounded`),
      );
      return rows[0]?.n ?? 0;
    });
    if (counted <= EXACT_UP_TO) return { value: counted, exact: true };
    return { value: roundEstimate(Math.max(estimate, counted)), exact: false };
  } catch (error) {
    // 57014: our own time limit; the estimate is the honest answer then.
    if ((error as { code?: string }).code === "57014") return { value: roundEstimate(estimate), exact: false };
    throw error;
  }
}

/** How many rows the last page holds: the remainder when the total is exact, else a full page. */
export const lastPageSize = (total: TTotal, size: number) => (total.exact && total.value > 0 ? total.value % size || size : size);

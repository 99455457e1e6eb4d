import "server-only";
import { getPool } from "@/lib/db";
import { countRows, type TTotal } from "@/lib/list/count";
import { distinctValues } from "@/lib/list/facets";
import { readPage, type TKeyColumn, type TPage } from "@/lib/list/keyset";
import { join, likeContains, raw, sql, type TFragment } from "@/lib/list/sql";
import { RISK_BANDS, type TExecutionListParams } from "./schemas";

export type TExecutionListRow = {
  provider: "JUMIO" | "TRUSTX";
  id: string;
  accountId: string | null;
  status: string;
  decisionType: string | null;
  riskScore: number | null;
  definition: string | null;
  firstName: string | null;
  lastName: string | null;
  customerReference: string | null;
  profileId: string | null;
  profileName: string | null;
  createdAt: Date;
  completedAt: Date | null;
  feedbackStatus: string | null;
  wipedOutAt: Date | null;
};

const FROM = raw("FROM executions e");
const SELECT = raw(`e.provider::text AS provider, e.id, e.account_id AS "accountId", e.status, e.decision_type AS "decisionType",
  e.risk_score AS "riskScore", e.definition, e.first_name AS "firstName", e.last_name AS "lastName",
  e.customer_reference AS "customerReference", e.profile_id::text AS "profileId",
  (SELECT p.full_name FROM profiles p WHERE p.id = e.profile_id) AS "profileName",
  e.created_at AS "createdAt", e.completed_at AS "completedAt", e.feedback_status AS "feedbackStatus", e.wiped_out_at AS "wipedOutAt"`);

const PK: TKeyColumn[] = [{ expr: "e.provider", cast: '"ExecutionProvider"' }, { expr: "e.id", cast: "text" }];
// The migration indexes each of these with (provider, id).
const KEYS: Record<TExecutionListParams["sort"], TKeyColumn[]> = {
  created: [{ expr: "e.created_at", cast: "timestamptz" }, ...PK],
  completed: [{ expr: "coalesce(e.completed_at, '-infinity')", cast: "timestamptz" }, ...PK],
  riskScore: [{ expr: "coalesce(e.risk_score, -1)", cast: "int" }, ...PK],
};

const keyOf = (sort: TExecutionListParams["sort"]) => (row: TExecutionListRow): (string | number)[] => {
  const value = sort === "created" ? row.createdAt.toISOString() : sort === "completed" ? (row.completedAt?.toISOString() ?? "-infinity") : (row.riskScore ?? -1);
  return [value, row.provider, row.id];
};

const dayStart = (day: string) => `${day}T00:00:00Z`;

export function executionConditions(params: Pick<TExecutionListParams, "filters" | "q">): TFragment[] {
  const f = params.filters;
  const c: TFragment[] = [];
  if (f.provider) c.push(sql`e.provider::text = ANY(${f.provider}::text[])`);
  if (f.status) c.push(sql`e.status = ANY(${f.status}::text[])`);
  if (f.decision) c.push(sql`e.decision_type = ANY(${f.decision}::text[])`);
  if (f.risk) {
    const bands = f.risk.map((band) => {
      const range = RISK_BANDS[band];
      return range ? sql`e.risk_score BETWEEN ${range[0]} AND ${range[1]}` : sql`e.risk_score IS NULL`;
    });
    c.push(sql`(${join(bands, " OR ")})`);
  }
  if (f.definition) c.push(sql`e.definition = ANY(${f.definition}::text[])`);
  if (f.feedback) c.push(sql`e.feedback_status = ANY(${f.feedback}::text[])`);
  if (f.linked !== undefined) c.push(f.linked ? sql`e.profile_id IS NOT NULL` : sql`e.profile_id IS NULL`);
  if (f.wiped !== undefined) c.push(f.wiped ? sql`e.wiped_out_at IS NOT NULL` : sql`e.wiped_out_at IS NULL`);
  if (f.createdFrom) c.push(sql`e.created_at >= ${dayStart(f.createdFrom)}::timestamptz`);
  if (f.createdTo) c.push(sql`e.created_at < ${dayStart(f.createdTo)}::timestamptz + interval '1 day'`);
  const q = params.q.trim();
  if (q) {
    // The same expression as the trigram index (migration 20261201000000_list_search).
    c.push(sql`execution_search_text(e.first_name, e.last_name, e.id, e.account_id, e.customer_reference) LIKE lower(f_unaccent(${likeContains(q)}))`);
  }
  return c;
}

export async function findExecutions(params: TExecutionListParams, options: { lastPageSize?: number } = {}): Promise<TPage<TExecutionListRow>> {
  return readPage<TExecutionListRow>(
    getPool(),
    {
      from: FROM,
      conditions: executionConditions(params),
      select: SELECT,
      key: KEYS[params.sort],
      dir: params.dir,
      cursor: params.cursor,
      page: params.page,
      size: params.size,
      lastPageSize: options.lastPageSize,
    },
    keyOf(params.sort),
  );
}

export async function countExecutions(params: Pick<TExecutionListParams, "filters" | "q">): Promise<TTotal> {
  return countRows(getPool(), FROM, executionConditions(params));
}

export type TExecutionFilterOptions = { statuses: string[]; decisions: string[]; definitions: string[] };

export async function getExecutionFilterOptions(): Promise<TExecutionFilterOptions> {
  const pool = getPool();
  const [statuses, decisions, definitions] = await Promise.all([
    distinctValues(pool, "executions", "status"),
    distinctValues(pool, "executions", "decision_type"),
    // Few definitions per tenant; no index of its own, so read from the small set of values present.
    pool.query<{ v: string }>("SELECT DISTINCT definition AS v FROM (SELECT definition FROM executions WHERE definition IS NOT NULL LIMIT 50000) d ORDER BY 1 LIMIT 100"),
  ]);
  return { statuses, decisions, definitions: definitions.rows.map((r) => r.v) };
}

/** For the execution page's layout: an unknown id answers 404 before the page's loading boundary streams a 200. */
export async function executionExists(id: string): Promise<boolean> {
  const { rowCount } = await getPool().query("SELECT 1 FROM executions WHERE id = $1 LIMIT 1", [id]);
  return (rowCount ?? 0) > 0;
}

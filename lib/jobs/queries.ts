import "server-only";
import { getPool } from "@/lib/db";
import { countRows, type TTotal } from "@/lib/list/count";
import { readPage, type TKeyColumn, type TPage } from "@/lib/list/keyset";
import { raw, sql, type TFragment } from "@/lib/list/sql";
import { jobProgress, type TJobProgress } from "./progress";
import type { TJobItemListParams, TJobItemState, TJobListParams, TJobState } from "./schemas";

export type TJobRow = {
  id: string;
  kind: string;
  title: string;
  state: TJobState;
  total: number;
  done: number;
  failed: number;
  skipped: number;
  requestedById: string;
  requestedByEmail: string;
  approvalRequired: boolean;
  cancelRequestedAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};
export type TJobListRow = TJobRow & { progress: TJobProgress };

const JOB_SELECT = `j.id::text AS id, j.kind, j.title, j.state::text AS state, j.total, j.done, j.failed, j.skipped,
  j.requested_by_id::text AS "requestedById", j.requested_by_email AS "requestedByEmail", j.approval_required AS "approvalRequired",
  j.cancel_requested_at AS "cancelRequestedAt", j.created_at AS "createdAt", j.started_at AS "startedAt", j.finished_at AS "finishedAt"`;

const FROM = raw("FROM jobs j");
const KEY: TKeyColumn[] = [{ expr: "j.created_at", cast: "timestamptz" }, { expr: "j.id", cast: "uuid" }];

function jobConditions(params: Pick<TJobListParams, "filters">, userId: string): TFragment[] {
  const f = params.filters;
  const c: TFragment[] = [];
  if (f.state) c.push(sql`j.state::text = ANY(${f.state}::text[])`);
  if (f.kind) c.push(sql`j.kind = ANY(${f.kind}::text[])`);
  if (f.mine !== undefined) c.push(f.mine ? sql`j.requested_by_id = ${userId}::uuid` : sql`j.requested_by_id <> ${userId}::uuid`);
  return c;
}

const withProgress = (now: Date) => <R extends TJobRow>(row: R): R & { progress: TJobProgress } => ({ ...row, progress: jobProgress(row, now) });

export async function findJobs(params: TJobListParams, userId: string, options: { lastPageSize?: number } = {}): Promise<TPage<TJobListRow>> {
  const page = await readPage<TJobRow>(
    getPool(),
    {
      from: FROM,
      conditions: jobConditions(params, userId),
      select: raw(JOB_SELECT),
      key: KEY,
      dir: params.dir,
      cursor: params.cursor,
      page: params.page,
      size: params.size,
      lastPageSize: options.lastPageSize,
    },
    (row) => [row.createdAt.toISOString(), row.id],
  );
  return { ...page, rows: page.rows.map(withProgress(new Date())) };
}

export async function countJobs(params: Pick<TJobListParams, "filters">, userId: string): Promise<TTotal> {
  return countRows(getPool(), FROM, jobConditions(params, userId));
}

/** Kinds that have jobs, for the kind filter (few; the (kind, created_at) index answers it). */
export async function jobKinds(): Promise<string[]> {
  const { rows } = await getPool().query<{ kind: string }>("SELECT DISTINCT kind FROM jobs ORDER BY kind LIMIT 100");
  return rows.map((r) => r.kind);
}

/** Whether any job is queued or running, so the page keeps refreshing until none is. */
export async function anyActiveJob(): Promise<boolean> {
  const { rows } = await getPool().query<{ active: boolean }>("SELECT EXISTS (SELECT 1 FROM jobs WHERE state IN ('QUEUED', 'RUNNING')) AS active");
  return rows[0]?.active ?? false;
}

export async function jobExists(id: string): Promise<boolean> {
  const { rowCount } = await getPool().query("SELECT 1 FROM jobs WHERE id = $1::uuid", [id]);
  return (rowCount ?? 0) > 0;
}

export type TJobLink = { id: string; title: string; state: TJobState; createdAt: Date };

export type TJobDetail = TJobListRow & {
  payload: unknown;
  decidedById: string | null;
  decidedByEmail: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  failure: string | null;
  retryOf: TJobLink | null;
  retries: TJobLink[];
  /** Items per state, counted from the items themselves (what "Retry the failed ones (N)" offers). */
  itemCounts: Record<TJobItemState, number>;
  /** The file the job left (a PDF export's ZIP): ready until it expires, then removed by retention. */
  artifact: { ready: boolean; bytes: number | null; expiresAt: Date | null };
};

export async function getJobDetail(id: string): Promise<TJobDetail | null> {
  const pool = getPool();
  type TArtifactColumns = { artifactReady: boolean; artifactBytes: number | null; artifactExpiresAt: Date | null };
  const { rows } = await pool.query<TJobRow & Omit<TJobDetail, keyof TJobListRow | "retryOf" | "retries" | "itemCounts" | "artifact"> & TArtifactColumns & { retryOfId: string | null }>(
    `SELECT ${JOB_SELECT}, j.payload, j.decided_by_id::text AS "decidedById", j.decided_by_email AS "decidedByEmail", j.decided_at AS "decidedAt",
       j.decision_reason AS "decisionReason", j.failure, j.retry_of_id::text AS "retryOfId",
       (j.artifact_path IS NOT NULL AND j.artifact_expires_at > now()) AS "artifactReady", j.artifact_bytes::float8 AS "artifactBytes",
       j.artifact_expires_at AS "artifactExpiresAt"
     FROM jobs j WHERE j.id = $1::uuid`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  const links = `id::text AS id, title, state::text AS state, created_at AS "createdAt"`;
  const [retryOf, retries, counts] = await Promise.all([
    row.retryOfId ? pool.query<TJobLink>(`SELECT ${links} FROM jobs WHERE id = $1::uuid`, [row.retryOfId]) : null,
    pool.query<TJobLink>(`SELECT ${links} FROM jobs WHERE retry_of_id = $1::uuid ORDER BY created_at LIMIT 50`, [id]),
    pool.query<{ state: TJobItemState; n: number }>("SELECT state::text AS state, count(*)::int AS n FROM job_items WHERE job_id = $1::uuid GROUP BY state", [id]),
  ]);
  const itemCounts: Record<TJobItemState, number> = { PENDING: 0, CLAIMED: 0, DONE: 0, FAILED: 0, SKIPPED: 0 };
  for (const c of counts.rows) itemCounts[c.state] = c.n;
  const { retryOfId: _retryOfId, artifactReady, artifactBytes, artifactExpiresAt, ...job } = row;
  const artifact = { ready: artifactReady, bytes: artifactBytes, expiresAt: artifactExpiresAt };
  return { ...withProgress(new Date())(job), retryOf: retryOf?.rows[0] ?? null, retries: retries.rows, itemCounts, artifact };
}

export type TJobItemRow = {
  id: string;
  seq: number;
  subjectId: string;
  state: TJobItemState;
  before: string | null;
  code: string | null;
  message: string | null;
  finishedAt: Date | null;
};

const ITEM_FROM = raw("FROM job_items i");
const ITEM_KEY: TKeyColumn[] = [{ expr: "i.seq", cast: "int" }, { expr: "i.job_id", cast: "uuid" }];
const ITEM_SELECT = raw(`i.seq::text AS id, i.seq, i.subject_id AS "subjectId", i.state::text AS state, i.before, i.code, i.message, i.finished_at AS "finishedAt"`);

function itemConditions(jobId: string, params: Pick<TJobItemListParams, "filters">): TFragment[] {
  const c = [sql`i.job_id = ${jobId}::uuid`];
  if (params.filters.state) c.push(sql`i.state::text = ANY(${params.filters.state}::text[])`);
  return c;
}

/** One page of a job's items, by the (job_id, state, seq) and primary key indexes. */
export async function findJobItems(jobId: string, params: TJobItemListParams, options: { lastPageSize?: number } = {}): Promise<TPage<TJobItemRow>> {
  return readPage<TJobItemRow>(
    getPool(),
    {
      from: ITEM_FROM,
      conditions: itemConditions(jobId, params),
      select: ITEM_SELECT,
      key: ITEM_KEY,
      dir: params.dir,
      cursor: params.cursor,
      page: params.page,
      size: params.size,
      lastPageSize: options.lastPageSize,
    },
    (row) => [row.seq, jobId],
  );
}

export async function countJobItems(jobId: string, params: Pick<TJobItemListParams, "filters">): Promise<TTotal> {
  return countRows(getPool(), ITEM_FROM, itemConditions(jobId, params));
}

import type pg from "pg";
import type { z } from "zod";
import type { Db, SqlPool } from "@/lib/db";
import type { TAuditActor, TRequestContext } from "@/lib/audit/schemas";
import type { TPermission, TRole } from "@/lib/auth/permissions";
import type { TActionContext } from "@/lib/actions/safe-action";
import type { TProviderClients } from "@/lib/providers";

/** The job row as a handler sees it. */
export type TJobRecord = {
  id: string;
  kind: string;
  title: string;
  requestedById: string;
  requestedByEmail: string;
  total: number;
};

export type TJobContext<P> = {
  job: TJobRecord;
  payload: P;
  db: Db;
  pool: SqlPool;
  clients: TProviderClients;
  workerId: string;
  /** Who asked and from where: every audit row the job writes names them. */
  actor: TAuditActor;
  request: TRequestContext;
  log: (line: string) => void;
};

/** What became of one item of a chunk. A temporary failure is not an outcome: the chunk is retried. */
export type TItemOutcome =
  | { seq: number; state: "DONE"; message?: string | null }
  | { seq: number; state: "FAILED" | "SKIPPED"; code: string | null; message: string };

export type TJobItem = { seq: number; subjectId: string; before: string | null };

/**
 * A job that works through its items in chunks (lib/jobs/run-items.ts): `send` hands one chunk to the
 * provider and says what became of each item; `commit` writes those outcomes locally (the local copy,
 * audit rows) in the transaction that records them, so a chunk is either all committed or not at all;
 * `reconcile` settles a chunk a dead worker had already sent, by reading upstream rather than sending
 * it again.
 */
export type TItemJobHandlers<P> = {
  chunkSize: number;
  /** Chunks in flight at once (read when the job starts: a setting of the worker's). */
  concurrency: () => number;
  send(ctx: TJobContext<P>, items: TJobItem[]): Promise<TItemOutcome[]>;
  reconcile(ctx: TJobContext<P>, items: TJobItem[]): Promise<{ settled: TItemOutcome[]; resend: number[] }>;
  commit(ctx: TJobContext<P>, client: pg.PoolClient, items: TJobItem[], outcomes: TItemOutcome[]): Promise<void>;
};

/** One kind of job: its name, the zod shape of its parameters, who may approve it, and how it runs. */
export type TJobDefinition<P = unknown> = {
  kind: string;
  payload: z.ZodType<P>;
  /** Roles that may approve or reject it when it waits for four eyes. */
  approvers: readonly TRole[];
  /** What it takes to ask for one: "Retry the failed ones" asks again, so it needs the same. */
  requestPermission: TPermission;
  /**
   * Asks for a new job over exactly these subjects with the same parameters, naming `job` as the one it
   * retries (retry_of_id), through the kind's own request path (its checks, its four eyes, its audit row).
   * It writes the "job.retry" audit row in the transaction that creates the new job.
   */
  retry(ctx: TActionContext, job: { id: string; payload: P }, failedSubjectIds: string[]): Promise<{ jobId: string }>;
  items: TItemJobHandlers<P>;
  /**
   * Runs once every item has an outcome, before the job is closed (never after a cancel or a failure):
   * what the job makes of all its items together, e.g. the ZIP of a PDF export. A worker that dies in it
   * leaves the job RUNNING with no item left, so the next runner calls it again: it must be idempotent.
   */
  finish?(ctx: TJobContext<P>): Promise<void>;
};

export function defineJob<P>(definition: TJobDefinition<P>): TJobDefinition<P> {
  return definition;
}

/** A failure worth waiting out (rate limit, provider down): the chunk is retried, its items keep their place. */
export class TemporaryJobError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "TemporaryJobError";
  }
}

// A list holds definitions of different payloads; each one checks its own with its zod schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TAnyJobDefinition = TJobDefinition<any>;

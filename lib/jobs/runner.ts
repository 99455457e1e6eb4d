import pg from "pg";
import { z } from "zod";
import type { TDatabase } from "@/lib/db";
import type { TProviderClients } from "@/lib/providers";
import { ZRoleSchema } from "@/lib/auth/permissions";
import { inTransaction } from "@/lib/db/sql";
import type { TAnyJobDefinition, TJobContext } from "./define";
import { runItems } from "./run-items";

export type TRunnerDeps = {
  database: TDatabase;
  databaseUrl: string;
  clients: TProviderClients;
  workerId: string;
  definitions: readonly TAnyJobDefinition[];
  log: (line: string) => void;
  heartbeatMs?: number;
};

const ZStoredRequestSchema = z.object({
  requestId: z.string().nullish(),
  ip: z.string().nullish(),
  userAgent: z.string().nullish(),
  role: ZRoleSchema.nullish(),
});

// One runner per job at a time, across all workers: a session lock, released by PostgreSQL itself when
// the holder's connection dies, so "is anyone running it?" is answered by trying the lock.
const lockSql = "SELECT pg_try_advisory_lock(hashtextextended('job:' || $1, 0)) AS ok";

async function withJobLock<T>(databaseUrl: string, jobId: string, body: () => Promise<T>): Promise<T | "busy"> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>(lockSql, [jobId]);
    if (!rows[0]?.ok) return "busy";
    return await body();
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs one job to its end: queued or interrupted (RUNNING with no live runner) jobs start or resume;
 * anything else (awaiting approval, finished, taken by another worker) is left alone.
 */
export async function runJob(deps: TRunnerDeps, jobId: string): Promise<"ran" | "busy" | "skipped"> {
  const { db, pool } = deps.database;
  const result = await withJobLock(deps.databaseUrl, jobId, async () => {
    const job = await db.job.findUnique({ where: { id: jobId } });
    if (!job || (job.state !== "QUEUED" && job.state !== "RUNNING")) return "skipped" as const;
    if (job.cancelRequestedAt) {
      await finish(deps, jobId, "CANCELLED", null);
      return "ran" as const;
    }
    const definition = deps.definitions.find((d) => d.kind === job.kind);
    const payload = definition?.payload.safeParse(job.payload);
    if (!definition || !payload?.success) {
      await finish(deps, jobId, "FAILED", definition ? "Its parameters could not be read." : `No worker knows jobs of kind ${job.kind}.`);
      return "ran" as const;
    }
    await db.job.update({ where: { id: jobId }, data: { state: "RUNNING", startedAt: job.startedAt ?? new Date(), heartbeatAt: new Date() } });
    const stored = ZStoredRequestSchema.safeParse(job.requestContext);
    const request = stored.success ? stored.data : {};
    const ctx: TJobContext<unknown> = {
      job, payload: payload.data, db, pool, clients: deps.clients, workerId: deps.workerId, log: deps.log,
      actor: { id: job.requestedById, email: job.requestedByEmail, role: request.role ?? null },
      request: { requestId: request.requestId ?? null, ip: request.ip ?? null, userAgent: request.userAgent ?? null },
    };
    const beat = setInterval(() => void pool.query("UPDATE jobs SET heartbeat_at = now() WHERE id = $1::uuid", [jobId]).catch(() => undefined), deps.heartbeatMs ?? 5_000);
    try {
      const end = await runItems(ctx, definition.items, {
        cancelled: async () => (await db.job.findUnique({ where: { id: jobId }, select: { cancelRequestedAt: true } }))?.cancelRequestedAt != null,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      });
      if (end === "finished" && definition.finish) await definition.finish(ctx);
      await finish(deps, jobId, end === "cancelled" ? "CANCELLED" : null, null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log(`job ${jobId} failed: ${message}`);
      await finish(deps, jobId, "FAILED", message.slice(0, 500));
    } finally {
      clearInterval(beat);
    }
    return "ran" as const;
  });
  return result;
}

/**
 * Closes a job. Items never sent are closed too, so every id asked for has an outcome: SKIPPED when the
 * job was cancelled, FAILED (and so retryable) when it stopped on an error. Without a forced state the
 * job SUCCEEDED, or is PARTIAL when some items were refused.
 */
async function finish(deps: TRunnerDeps, jobId: string, forced: "CANCELLED" | "FAILED" | null, failure: string | null): Promise<void> {
  const { pool } = deps.database;
  const closing = forced === "CANCELLED" ? { state: "SKIPPED", message: "Not sent: the job was cancelled." } : { state: "FAILED", message: `Not sent: the job stopped (${failure ?? "error"}).` };
  await inTransaction(pool, async (client) => {
    const { rowCount } = forced
      ? await client.query(
          `UPDATE job_items SET state = $2::"JobItemState", message = $3, finished_at = now(), claimed_by = NULL
           WHERE job_id = $1::uuid AND state IN ('PENDING', 'CLAIMED')`,
          [jobId, closing.state, closing.message],
        )
      : { rowCount: 0 };
    await client.query(
      `UPDATE jobs SET
         state = COALESCE($2::"JobState", CASE WHEN failed + $4 > 0 THEN 'PARTIAL'::"JobState" ELSE 'SUCCEEDED'::"JobState" END),
         failed = failed + $4, skipped = skipped + $5, failure = $3, finished_at = now(), heartbeat_at = now()
       WHERE id = $1::uuid`,
      [jobId, forced, failure, forced === "FAILED" ? (rowCount ?? 0) : 0, forced === "CANCELLED" ? (rowCount ?? 0) : 0],
    );
  });
}

/**
 * Jobs to hand (again) to a worker: RUNNING ones nobody holds the lock of (their worker died), and
 * QUEUED ones older than a minute (their queue message was lost). Handing one twice is harmless.
 */
export async function findOrphanedJobs(deps: Pick<TRunnerDeps, "database" | "databaseUrl">): Promise<{ id: string; state: "QUEUED" | "RUNNING" }[]> {
  const { rows } = await deps.database.pool.query<{ id: string; state: string }>(
    `SELECT id::text, state::text FROM jobs WHERE state = 'RUNNING' OR (state = 'QUEUED' AND created_at < now() - interval '1 minute')`,
  );
  const orphaned: { id: string; state: "QUEUED" | "RUNNING" }[] = [];
  for (const row of rows) {
    if (row.state === "QUEUED") orphaned.push({ id: row.id, state: "QUEUED" });
    else if ((await withJobLock(deps.databaseUrl, row.id, async () => true)) === true) orphaned.push({ id: row.id, state: "RUNNING" });
  }
  return orphaned;
}

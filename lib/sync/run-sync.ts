import pg from "pg";
import type { Db, TDatabase } from "@/lib/db";
import type { TProviderClients } from "@/lib/providers";
import { STAGE_LABELS, SyncContext, type TStageFailure, type TSyncKind, type TSyncOptions, type TSyncProgress, type TSyncTotals } from "./context";
import { syncJumioExecutions } from "./sync-jumio";
import { syncTruliooProfiles } from "./sync-trulioo";
import { syncTrustxInstances } from "./sync-trustx";

// One sync at a time per database, whatever the number of workers: a session advisory lock, which
// PostgreSQL releases by itself when the holder's connection dies (a killed worker frees it at once).
const SYNC_LOCK = 4_242_001;
const HEARTBEAT_MS = 2_000;

export class SyncBusyError extends Error {
  constructor() {
    super("another sync is running");
    this.name = "SyncBusyError";
  }
}

export async function withSyncLock<T>(databaseUrl: string, body: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [SYNC_LOCK]);
    if (!rows[0]?.ok) throw new SyncBusyError();
    return await body();
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A run in which some stages failed; every other stage ran to its end and kept what it wrote. */
export class SyncStagesFailedError extends Error {
  constructor(
    readonly failures: TStageFailure[],
    readonly totals: TSyncTotals,
  ) {
    super(failures.map((f) => `${STAGE_LABELS[f.stage] ?? f.stage} failed: ${f.message}`).join(" "));
    this.name = "SyncStagesFailedError";
  }
}

/**
 * The three providers in order; Trulioo first so executions find their profiles on the first run. Each
 * stage stands alone (SyncContext.isolateStage); when any failed, the run ends with SyncStagesFailedError
 * naming them, after the others have run.
 */
export async function runSyncStages(options: TSyncOptions): Promise<TSyncTotals> {
  const ctx = new SyncContext(options);
  await ctx.isolateStage(() => syncTruliooProfiles(ctx));
  await ctx.isolateStage(() => syncJumioExecutions(ctx));
  await ctx.isolateStage(() => syncTrustxInstances(ctx));
  ctx.enterStage("done");
  if (ctx.stageFailures.length > 0) throw new SyncStagesFailedError(ctx.stageFailures, ctx.totals);
  return ctx.totals;
}

export async function createSyncRun(db: Db, kind: TSyncKind | "WEBHOOK", requestedBy: string | null): Promise<string> {
  const run = await db.syncRun.create({ data: { kind, requestedBy }, select: { id: true } });
  return run.id;
}

/**
 * Runs one recorded sync under the lock, keeping its row current (state, stage, counts, heartbeat)
 * so the sync page can show live progress. A run that cannot continue is marked failed with its
 * reason; the next run resumes from the last committed cursor.
 */
export async function executeSyncRun(
  { db, pool }: TDatabase,
  clients: TProviderClients,
  databaseUrl: string,
  runId: string,
  options: { concurrency?: number; batchSize?: number; onProgress?: (p: TSyncProgress) => void } = {},
): Promise<{ state: "SUCCEEDED" | "FAILED" | "SKIPPED"; totals: TSyncTotals | null; failure: string | null }> {
  return withSyncLock(databaseUrl, async () => {
    // Only a queued run starts: a job retried after its run already ended (or was recovered) is a no-op.
    const claimed = await db.syncRun.updateMany({
      where: { id: runId, state: "QUEUED" },
      data: { state: "RUNNING", startedAt: new Date(), heartbeatAt: new Date() },
    });
    if (claimed.count === 0) return { state: "SKIPPED" as const, totals: null, failure: null };
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: runId } });
    let latest: TSyncProgress | null = null;
    let writing = Promise.resolve();
    const persist = () => {
      const p = latest;
      if (!p) return writing;
      writing = writing
        .then(() =>
          db.syncRun.update({
            where: { id: runId },
            data: {
              heartbeatAt: new Date(),
              stage: p.stage,
              created: p.created,
              updated: p.updated,
              unchanged: p.unchanged,
              errors: p.errors,
              processed: p.processed,
              expected: p.expected,
            },
          }),
        )
        .then(() => undefined, () => undefined);
      return writing;
    };
    const timer = setInterval(() => void persist(), HEARTBEAT_MS);
    try {
      const totals = await runSyncStages({
        db,
        pool,
        clients,
        kind: run.kind === "FULL" ? "FULL" : "INCREMENTAL",
        runId,
        concurrency: options.concurrency,
        batchSize: options.batchSize,
        onProgress: (p) => {
          latest = p;
          options.onProgress?.(p);
        },
      });
      clearInterval(timer);
      await persist();
      await db.syncRun.update({ where: { id: runId }, data: { state: "SUCCEEDED", finishedAt: new Date(), stage: "done" } });
      return { state: "SUCCEEDED" as const, totals, failure: null };
    } catch (error) {
      clearInterval(timer);
      await persist();
      const failure = error instanceof Error ? error.message : String(error);
      // A run with a failed stage still ran the others: its row says which stage failed, and why.
      const stage = error instanceof SyncStagesFailedError ? error.failures.map((f) => f.stage).join(", ") : undefined;
      await db.syncRun.update({ where: { id: runId }, data: { state: "FAILED", finishedAt: new Date(), failure: failure.slice(0, 2000), ...(stage ? { stage } : {}) } });
      return { state: "FAILED" as const, totals: error instanceof SyncStagesFailedError ? error.totals : latest, failure };
    }
  });
}

/**
 * After a worker died mid-run its row still says RUNNING. When nobody holds the sync lock, such rows
 * are marked failed, and their kinds returned so the caller can start runs that resume from the cursor.
 */
export async function recoverInterruptedRuns(db: Db, databaseUrl: string): Promise<TSyncKind[]> {
  try {
    return await withSyncLock(databaseUrl, async () => {
      const stuck = await db.syncRun.findMany({ where: { state: "RUNNING" }, select: { id: true, kind: true } });
      if (stuck.length === 0) return [];
      await db.syncRun.updateMany({
        where: { id: { in: stuck.map((r) => r.id) } },
        data: { state: "FAILED", finishedAt: new Date(), failure: "The worker stopped during this run; a new run resumes from the last committed point." },
      });
      return [...new Set(stuck.map((r) => (r.kind === "FULL" ? "FULL" : "INCREMENTAL") as TSyncKind))];
    });
  } catch (error) {
    if (error instanceof SyncBusyError) return [];
    throw error;
  }
}

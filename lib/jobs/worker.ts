import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type PgBoss from "pg-boss";
import type { Db, TDatabase } from "@/lib/db";
import type { TProviderClients } from "@/lib/providers";
import { getWorkerEnv } from "@/lib/env";
import { sweepExports } from "@/lib/exports/retention";
import { exportsRoot } from "@/lib/exports/storage";
import type { TSyncKind } from "@/lib/sync/context";
import { createSyncRun, executeSyncRun, recoverInterruptedRuns, SyncBusyError } from "@/lib/sync/run-sync";
import { startInboxDrain } from "@/lib/webhooks/drainer";
import { QUEUES, startBoss, type TJobRunMessage, type TSyncRunJob } from "./boss";
import { JOB_DEFINITIONS } from "./definitions";
import { findOrphanedJobs, runJob, type TRunnerDeps } from "./runner";

export type TWorkerOptions = {
  databaseUrl: string;
  database: TDatabase;
  clients: TProviderClients;
  /** Minutes between scheduled incremental syncs; 0 turns the schedule off. */
  syncIntervalMinutes: number;
  concurrency?: number;
  batchSize?: number;
  webhookBatchSize?: number;
  webhookConcurrency?: number;
  log: (line: string) => void;
};

const RECOVERY_CHECK_MS = 15_000;

export async function enqueueSync(boss: PgBoss, db: Db, kind: TSyncKind, requestedBy: string | null): Promise<string> {
  const runId = await createSyncRun(db, kind, requestedBy);
  await boss.send(QUEUES.syncRun, { runId } satisfies TSyncRunJob);
  return runId;
}

/**
 * A worker process: runs queued syncs (one at a time across all workers, by lock), drains the webhook
 * inbox and keeps the schedule; on start and then periodically it restarts runs a dead worker left behind.
 */
export async function startWorker(options: TWorkerOptions): Promise<{ boss: PgBoss; stop(): Promise<void> }> {
  const { log } = options;
  const { db } = options.database;
  const boss = await startBoss(options.databaseUrl, "worker", (e) => log(`pg-boss: ${e instanceof Error ? e.message : String(e)}`));

  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const jobs: TRunnerDeps = { database: options.database, databaseUrl: options.databaseUrl, clients: options.clients, workerId, definitions: JOB_DEFINITIONS, log };
  const recover = async () => {
    for (const kind of await recoverInterruptedRuns(db, options.databaseUrl)) {
      const runId = await enqueueSync(boss, db, kind, "recovery");
      log(`resuming an interrupted ${kind.toLowerCase()} sync as run ${runId}`);
    }
    // A job whose worker died (nobody holds its lock) or whose message was lost is handed out again.
    for (const orphan of await findOrphanedJobs(jobs)) {
      // A queued job may still have its message waiting: the singleton key keeps it to one.
      const sent = await boss.send(QUEUES.job, { jobId: orphan.id } satisfies TJobRunMessage, orphan.state === "QUEUED" ? { singletonKey: orphan.id } : {});
      if (sent) log(`${orphan.state === "RUNNING" ? "resuming" : "handing out"} job ${orphan.id}`);
    }
    // Exports past their retention, and the leftovers of exports that will never finish.
    await sweepExports(options.database.pool, exportsRoot(getWorkerEnv().EXPORTS_DIR), log).catch((e: unknown) => log(`export retention sweep failed: ${String(e)}`));
  };
  await recover();
  const recoveryTimer = setInterval(() => void recover().catch((e: unknown) => log(`recovery check failed: ${String(e)}`)), RECOVERY_CHECK_MS);

  if (options.syncIntervalMinutes > 0) {
    await boss.schedule(QUEUES.syncScheduled, `*/${options.syncIntervalMinutes} * * * *`);
  } else {
    await boss.unschedule(QUEUES.syncScheduled).catch(() => undefined);
  }

  await boss.work<TSyncRunJob>(QUEUES.syncRun, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
    if (!job) return;
    try {
      const result = await executeSyncRun(options.database, options.clients, options.databaseUrl, job.data.runId, {
        concurrency: options.concurrency,
        batchSize: options.batchSize,
      });
      log(`sync ${job.data.runId} ${result.state.toLowerCase()}${result.failure ? `: ${result.failure}` : ""}`);
    } catch (error) {
      if (error instanceof SyncBusyError) {
        // Busy: pg-boss retries after its delay. Out of retries, the run is closed rather than left queued.
        if (job.retryCount < job.retryLimit) throw error;
        await db.syncRun.updateMany({
          where: { id: job.data.runId, state: "QUEUED" },
          data: { state: "FAILED", finishedAt: new Date(), failure: "Another sync kept running; this one was not started." },
        });
        return;
      }
      log(`sync ${job.data.runId} could not run: ${String(error)}`);
      throw error;
    }
  });

  await boss.work<TJobRunMessage>(QUEUES.job, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([message]) => {
    if (!message) return;
    const outcome = await runJob(jobs, message.data.jobId);
    if (outcome === "ran") log(`job ${message.data.jobId} ended`);
  });

  await boss.work(QUEUES.syncScheduled, { pollingIntervalSeconds: 5 }, async () => {
    const recent = new Date(Date.now() - 15 * 60_000);
    const active = await db.syncRun.count({ where: { OR: [{ state: "RUNNING" }, { state: "QUEUED", createdAt: { gt: recent } }] } });
    if (active === 0) await enqueueSync(boss, db, "INCREMENTAL", "schedule");
  });

  // The webhook inbox is drained in batches beside the queues (lib/webhooks/drain.ts).
  const inbox = await startInboxDrain({
    database: options.database,
    clients: options.clients,
    workerId,
    batchSize: options.webhookBatchSize,
    concurrency: options.webhookConcurrency ?? options.concurrency,
  });

  log("worker ready");
  return {
    boss,
    async stop() {
      clearInterval(recoveryTimer);
      await inbox.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

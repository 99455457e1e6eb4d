import PgBoss from "pg-boss";
import { errorFields, log } from "@/lib/log";

export const QUEUES = {
  syncRun: "sync-run",
  syncScheduled: "sync-scheduled",
  /** Every job of the jobs table (lib/jobs/definitions.ts), by id. */
  job: "job-run",
} as const;

export type TSyncRunJob = { runId: string };
export type TJobRunMessage = { jobId: string };

/**
 * pg-boss on the app's own PostgreSQL (schema `pgboss`). The web app only sends jobs
 * (`role: "producer"`: no maintenance, no schedules); workers also supervise and schedule.
 */
export async function startBoss(databaseUrl: string, role: "producer" | "worker", onError: (e: unknown) => void): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: "pgboss",
    max: role === "worker" ? 4 : 2,
    supervise: role === "worker",
    schedule: role === "worker",
    migrate: true,
  });
  boss.on("error", onError);
  await boss.start();
  // A sync that finds another one running is retried; a killed worker's job expires and is retried.
  await boss.createQueue(QUEUES.syncRun, { name: QUEUES.syncRun, retryLimit: 60, retryDelay: 5, expireInSeconds: 4 * 3600 });
  await boss.createQueue(QUEUES.syncScheduled, { name: QUEUES.syncScheduled, policy: "short" });
  // A job resumes where it stopped (lib/jobs/run-items.ts), so a retried message is always safe.
  await boss.createQueue(QUEUES.job, { name: QUEUES.job, retryLimit: 20, retryDelay: 5, expireInSeconds: 6 * 3600 });
  return boss;
}

const globalForBoss = globalThis as unknown as { __complianceDeskBoss?: Promise<PgBoss> };

/** The web app's producer, started once per process on first use. */
export function getProducer(databaseUrl: string): Promise<PgBoss> {
  globalForBoss.__complianceDeskBoss ??= startBoss(databaseUrl, "producer", (e) => log.error({ component: "pg-boss", ...errorFields(e) }, "queue error")).catch((error) => {
    globalForBoss.__complianceDeskBoss = undefined;
    throw error;
  });
  return globalForBoss.__complianceDeskBoss;
}

/** Hands a job to the workers; a job whose message is lost is found again by the worker's recovery check. */
export async function enqueueJob(databaseUrl: string, jobId: string): Promise<void> {
  const boss = await getProducer(databaseUrl);
  await boss.send(QUEUES.job, { jobId } satisfies TJobRunMessage, { singletonKey: jobId });
}

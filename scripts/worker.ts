import { getDb, getPool } from "../lib/db";
import { getWorkerEnv } from "../lib/env";
import { startWorker } from "../lib/jobs/worker";
import { getProviderClients, getProviderStatus } from "../lib/providers";
import { log as logger } from "../lib/log";

const env = getWorkerEnv();
// One JSON line per event: a failure text from upstream cannot break a line of the log.
const log = (line: string) => logger.info({ component: "worker" }, line);
const enabled = Object.entries(getProviderStatus()).map(([name, on]) => `${name} ${on ? "on" : "off"}`).join(", ");
log(`providers: ${enabled}`);

const worker = await startWorker({
  databaseUrl: env.DATABASE_URL,
  database: { db: getDb(), pool: getPool() },
  clients: getProviderClients(),
  syncIntervalMinutes: env.SYNC_INTERVAL_MINUTES,
  concurrency: env.SYNC_CONCURRENCY,
  batchSize: env.SYNC_BATCH_SIZE,
  webhookBatchSize: env.WEBHOOK_BATCH_SIZE,
  webhookConcurrency: env.WEBHOOK_CONCURRENCY,
  log,
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    void worker.stop().then(() => process.exit(0));
  });
}

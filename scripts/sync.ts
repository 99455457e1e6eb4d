import { getDb, getPool } from "../lib/db";
import { getWorkerEnv } from "../lib/env";
import { getProviderClients, getProviderStatus } from "../lib/providers";
import type { TSyncProgress } from "../lib/sync/context";
import { createSyncRun, executeSyncRun } from "../lib/sync/run-sync";

// `npm run sync [-- --full]`: one sync in the foreground, with a progress bar and a summary.
const env = getWorkerEnv();
const full = process.argv.includes("--full");
const db = getDb();
const status = getProviderStatus();
console.log(`providers: ${Object.entries(status).map(([name, on]) => `${name} ${on ? "on" : "off"}`).join(", ")}`);

const started = Date.now();
let lastDraw = 0;
const draw = (p: TSyncProgress, force = false) => {
  const now = Date.now();
  if (!force && now - lastDraw < 200) return;
  lastDraw = now;
  const width = 30;
  const ratio = p.stageExpected ? Math.min(1, p.stageProcessed / Math.max(p.stageExpected, 1)) : 0;
  const bar = p.stageExpected ? `[${"#".repeat(Math.round(ratio * width)).padEnd(width, ".")}] ${Math.round(ratio * 100)}%` : "";
  const line = `${p.stage.padEnd(18)} ${bar} processed ${p.processed}  new ${p.created}  updated ${p.updated}  unchanged ${p.unchanged}  errors ${p.errors}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line.slice(0, process.stderr.columns - 1)}`);
  else if (force || now - started > 0) process.stderr.write(`${line}\n`);
};

const runId = await createSyncRun(db, full ? "FULL" : "INCREMENTAL", "cli");
const result = await executeSyncRun({ db, pool: getPool() }, getProviderClients(), env.DATABASE_URL, runId, {
  concurrency: env.SYNC_CONCURRENCY,
  batchSize: env.SYNC_BATCH_SIZE,
  onProgress: (p) => draw(p),
});
if (process.stderr.isTTY) process.stderr.write("\n");
const seconds = (Date.now() - started) / 1000;
const t = result.totals;
console.log(`
sync ${result.state.toLowerCase()} in ${seconds.toFixed(1)} s (run ${runId})
  created   ${t?.created ?? 0}
  updated   ${t?.updated ?? 0}
  unchanged ${t?.unchanged ?? 0}
  errors    ${t?.errors ?? 0}
  rate      ${t ? Math.round(t.processed / Math.max(seconds, 0.001)) : 0} records/s`);
if (result.failure) console.log(`  failure   ${result.failure}`);
await db.$disconnect();
process.exit(result.state === "SUCCEEDED" ? 0 : 1);

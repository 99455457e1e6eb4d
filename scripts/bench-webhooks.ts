import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase } from "../lib/db";
import { applyMigrations } from "../lib/db/migrate";
import { parseProviderEnv } from "../lib/env";
import { providerConfigsFrom } from "../lib/providers/config";
import { TruliooClient } from "../lib/providers/trulioo/client";
import type { TStatusTarget } from "../lib/providers/trulioo/schemas";
import { mapLimit } from "../lib/sync/concurrency";
import { runSyncStages } from "../lib/sync/run-sync";
import { ensureBuilt } from "./lib/build";
import { prepareDatabase } from "./lib/database";
import { dropDatabase, ensureDatabase, freePort, withDatabase } from "./lib/embedded-postgres";
import { startProcess, stopProcess, waitForHttp, type TManaged } from "./lib/processes";
import { startSandboxProcess } from "./lib/sandbox-process";

// `npm run bench:webhooks [-- N]`: N profiles (default 10,000) change status upstream, as another
// operator would do it in Trulioo (P1, 100 ids a call). The sandbox sends one signed webhook per
// profile to the running app (scripts/serve.ts); a worker drains the inbox. The sync schedule is off,
// so only webhooks can bring the local copy up to date. Prints ingestion and processing rates.
const N = Number(process.argv[2] ?? process.env.BENCH_CHANGES ?? 10_000);
const MOVE: Record<string, TStatusTarget> = { ACCEPTED: "PENDING_REVIEW", REJECTED: "ACCEPTED", PENDING_REVIEW: "REJECTED", COMPLETED: "ACCEPTED" };
const log = (line: string) => console.log(`[bench] ${line}`);

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await probe()) return performance.now();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), "cd-bench-webhooks-"));
  const database = `cd_bench_webhooks_${randomBytes(3).toString("hex")}`;
  // A database of its own: on DATABASE_URL's server when set, else on an embedded PostgreSQL.
  const server = process.env.DATABASE_URL;
  const prepared = server
    ? { url: withDatabase(server, database), embedded: null }
    : await prepareDatabase({ dataDir: path.join(work, "pg"), database, persistent: false, log });
  if (server) {
    await ensureDatabase(server, database);
    await applyMigrations(prepared.url);
  }
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const children: TManaged[] = [];
  const { db, pool } = createDatabase(prepared.url, 4);
  try {
    // About 60 % of generated profiles are in a status a manual change can move; make room for N of them.
    const sandbox = await startSandboxProcess({
      ...process.env,
      SANDBOX_PORT: "0",
      SANDBOX_PROFILES: String(Math.ceil(N * 1.8)),
      SANDBOX_JUMIO_ACCOUNTS: "0",
      SANDBOX_TRUSTX_INSTANCES: "0",
      SANDBOX_TRULIOO_WEBHOOK_URL: `${appUrl}/api/webhooks/trulioo`,
      SANDBOX_HANDSHAKE_INTERVAL_MS: "500",
    });
    children.push(sandbox.managed);
    const env = {
      ...process.env,
      ...sandbox.appEnv,
      DATABASE_URL: prepared.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: appUrl,
      SYNC_INTERVAL_MINUTES: "0",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (!(await ensureBuilt({ env, log }))) throw new Error("the build failed");
    const trulioo = new TruliooClient(providerConfigsFrom(parseProviderEnv(sandbox.appEnv)).trulioo!);
    log("first sync…");
    await runSyncStages({ db, pool, clients: { trulioo, jumio: null, trustx: null }, kind: "FULL", concurrency: 16, batchSize: 1000 });

    const app = startProcess("app", "node_modules/.bin/tsx", ["--conditions=react-server", "scripts/serve.ts", "-p", String(port), "-H", "127.0.0.1"], { env: { ...env, NODE_ENV: "production" } }, { quiet: (l) => l.includes('"level":"info"') });
    children.push(app);
    await waitForHttp(`${appUrl}/api/health`, 60_000, () => app.child.exitCode === null);
    const worker = startProcess("worker", process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], { env }, { quiet: (l) => l.includes('"level":"info"') });
    children.push(worker);
    const sandboxBase = sandbox.appEnv.TRULIOO_EXPORT_URL!.replace(/\/trulioo.*$/, "");
    await until("the sandbox's webhook handshake", async () => {
      const res = await fetch(`${sandboxBase}/_sandbox/webhooks`);
      const body = (await res.json()) as { trulioo: { targets: { verified: boolean }[] } };
      return body.trulioo.targets.some((t) => t.verified);
    }, 60_000);
    await new Promise((r) => setTimeout(r, 2000)); // the worker is listening

    const local = await db.profile.findMany({ select: { id: true, status: true } });
    const chosen = local.filter((p) => MOVE[p.status]).slice(0, N);
    if (chosen.length < N) throw new Error(`only ${chosen.length} profiles can change status`);
    await pool.query("CREATE TABLE bench_expected (id uuid PRIMARY KEY, status text NOT NULL)");
    await pool.query("INSERT INTO bench_expected SELECT * FROM unnest($1::uuid[], $2::text[])", [chosen.map((p) => p.id), chosen.map((p) => MOVE[p.status]!)]);

    log(`${N.toLocaleString("en")} status changes upstream, 100 ids a call, 4 calls at a time; ${os.cpus().length} cores`);
    const started = performance.now();
    const since = new Date();
    const chunks: { ids: string[]; target: TStatusTarget }[] = [];
    for (const target of new Set(Object.values(MOVE))) {
      const ids = chosen.filter((p) => MOVE[p.status] === target).map((p) => p.id);
      for (let i = 0; i < ids.length; i += 100) chunks.push({ ids: ids.slice(i, i + 100), target });
    }
    await mapLimit(chunks, 4, async ({ ids, target }) => {
      const result = await trulioo.updateStatuses(ids, target);
      if (result.failed.length) throw new Error(`upstream refused ${result.failed.length} changes`);
    });
    const changedAt = performance.now();
    const received = async () => Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM webhook_events WHERE received_at >= $1", [since])).rows[0]!.n);
    const ingestedAt = await until("every webhook stored", async () => (await received()) >= N, 120_000);
    const current = async () =>
      Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM profiles p JOIN bench_expected e ON e.id = p.id AND e.status = p.status::text")).rows[0]!.n);
    const currentAt = await until("every profile current locally", async () => (await current()) >= N, 180_000);
    const firstLast = await pool.query<{ first: Date; last: Date }>("SELECT min(received_at) AS first, max(received_at) AS last FROM webhook_events WHERE received_at >= $1", [since]);
    const ingestSeconds = (firstLast.rows[0]!.last.getTime() - firstLast.rows[0]!.first.getTime()) / 1000;
    const totalSeconds = (currentAt - started) / 1000;
    const states = await pool.query<{ state: string; n: string }>("SELECT state::text, count(*) AS n FROM webhook_events GROUP BY state ORDER BY state");
    const processSeconds = (currentAt - started) / 1000 - (firstLast.rows[0]!.first.getTime() - since.getTime()) / 1000;
    const sandboxStats = (await (await fetch(`${sandboxBase}/_sandbox/stats`)).json()) as { counters: Record<string, unknown> };
    const webhookCounters = (sandboxStats.counters as unknown as { webhooks?: Record<string, unknown> }).webhooks ?? {};
    const deliveries = Object.entries(webhookCounters).filter(([k, v]) => k !== "emitted" && typeof v === "number");

    console.log(`
bench:webhooks — ${N.toLocaleString("en")} upstream changes, through webhooks alone (schedule off)
  upstream calls done        ${((changedAt - started) / 1000).toFixed(1)} s
  ingestion                  ${N.toLocaleString("en")} events stored in ${ingestSeconds.toFixed(1)} s (first to last): ${Math.round(N / Math.max(ingestSeconds, 0.001)).toLocaleString("en")} events/s
  all stored after           ${((ingestedAt - started) / 1000).toFixed(1)} s
  processing                 ${N.toLocaleString("en")} events in ${processSeconds.toFixed(1)} s (first stored to all current): ${Math.round(N / processSeconds).toLocaleString("en")} events/s
  local copy current after   ${totalSeconds.toFixed(1)} s from the first upstream call   (goal: < 60 s)
  sandbox deliveries         ${deliveries.map(([k, v]) => `${k} ${String(v)}`).join(", ")}
  inbox                      ${states.rows.map((r) => `${r.state.toLowerCase()} ${r.n}`).join(", ")}
`);
    if (totalSeconds > 60) process.exitCode = 1;
  } finally {
    await db.$disconnect();
    await pool.end().catch(() => undefined);
    for (const child of children.reverse()) await stopProcess(child);
    if (server) await dropDatabase(server, database).catch(() => undefined);
    await prepared.embedded?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error("[bench] failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});

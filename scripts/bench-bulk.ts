import { randomBytes } from "node:crypto";
import type { TActionContext } from "../lib/actions/safe-action";
import { createDatabase } from "../lib/db";
import { parseProviderEnv } from "../lib/env";
import { providerConfigsFrom } from "../lib/providers/config";
import { TruliooClient } from "../lib/providers/trulioo/client";
import { scratchDatabase } from "./lib/database";
import { startProcess, stopProcess, type TManaged } from "./lib/processes";
import { startSandboxProcess } from "./lib/sandbox-process";

// `npm run bench:bulk [-- N]`: one bulk status change of N profiles (default 10,000) through the real
// job path: the request (ids resolved, job and items written, audit row), the queue, a worker process,
// Trulioo's P1 in chunks of 100 (the sandbox), and per chunk the local update, one audit row per
// profile and the echo notes. The local copy is made from the clients' summaries first (ids and
// statuses are all the job reads; bench:sync measures syncing). Goal (issue 15): under 30 s.
const N = Number(process.argv[2] ?? process.env.BENCH_BULK ?? 10_000);
const log = (line: string) => console.log(`[bench] ${line}`);

async function main() {
  const prepared = await scratchDatabase("bench-bulk");
  const children: TManaged[] = [];
  const { db, pool } = createDatabase(prepared.url, 4);
  let appHandlesOpen = false;
  try {
    // About 40 % of generated clients are COMPLETED, REJECTED or waiting for review: all may become ACCEPTED.
    const sandbox = await startSandboxProcess({ ...process.env, SANDBOX_PORT: "0", SANDBOX_PROFILES: String(Math.ceil(N * 2.9)), SANDBOX_JUMIO_ACCOUNTS: "0", SANDBOX_TRUSTX_INSTANCES: "0" });
    children.push(sandbox.managed);
    const trulioo = new TruliooClient(providerConfigsFrom(parseProviderEnv(sandbox.appEnv)).trulioo!);
    const ids: string[] = [];
    for await (const page of trulioo.clients({ statuses: ["COMPLETED", "REJECTED", "PENDING_REVIEW"], limit: 500 })) {
      const rows = page.slice(0, N - ids.length);
      await pool.query(
        `INSERT INTO profiles (id, status, profile_type, status_manually_changed, owner_ids, created_at, last_modified, raw, content_hash)
         SELECT id, status, 'NORMAL', false, '{}', now(), now(), '{}', 'summary' FROM unnest($1::uuid[], $2::text[]) AS t(id, status) ON CONFLICT (id) DO NOTHING`,
        [rows.map((r) => r.id), rows.map((r) => r.status)],
      );
      ids.push(...rows.map((r) => r.id));
      if (ids.length >= N) break;
    }
    if (ids.length < N) throw new Error(`the sandbox has only ${ids.length} clients that can become ACCEPTED`);
    log(`${N.toLocaleString("en")} profiles in the local copy`);

    const env = { ...process.env, ...sandbox.appEnv, DATABASE_URL: prepared.url, SYNC_INTERVAL_MINUTES: "0", NEXTAUTH_SECRET: randomBytes(24).toString("hex"), BULK_APPROVAL_THRESHOLD: "0" };
    Object.assign(process.env, { DATABASE_URL: prepared.url, NEXTAUTH_SECRET: env.NEXTAUTH_SECRET, BULK_APPROVAL_THRESHOLD: "0" });
    const worker = startProcess("worker", process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], { env }, { quiet: () => true });
    children.push(worker);
    const user = await db.user.create({ data: { email: `bench-${randomBytes(3).toString("hex")}@bench.local`, name: "Bench Manager", role: "MANAGER" } });
    const actor = { id: user.id, email: user.email, role: user.role };
    const request = { requestId: null, ip: null, userAgent: "bench:bulk" };
    const ctx: TActionContext = { user: { ...actor, name: user.name, mustChangePassword: false }, actor, request, db, audit: (entry) => ({ ...entry, actor, request }) };
    const { requestBulkStatus } = await import("../lib/profiles/status/bulk");
    const { enqueueJob } = await import("../lib/jobs/boss");
    // Give the worker its start-up before the clock runs.
    await new Promise((r) => setTimeout(r, 4000));

    appHandlesOpen = true;
    const started = performance.now();
    const { jobId } = await requestBulkStatus(ctx, { selection: { ids }, status: "ACCEPTED" });
    await enqueueJob(prepared.url, jobId);
    const requested = performance.now();
    for (;;) {
      const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
      if (job.finishedAt) {
        const seconds = (performance.now() - started) / 1000;
        const audits = await db.auditEvent.count({ where: { action: "profile.status_change", details: { path: ["jobId"], equals: jobId } } });
        const accepted = await db.profile.count({ where: { id: { in: ids }, status: "ACCEPTED" } });
        console.log(`\nBulk status change of ${N.toLocaleString("en")} profiles through the job path`);
        console.log(`  request (resolve ids, write job + items): ${((requested - started) / 1000).toFixed(1)} s`);
        console.log(`  whole job, request to last commit:       ${seconds.toFixed(1)} s  (${Math.round(N / seconds).toLocaleString("en")} profiles/s)  goal < 30 s: ${seconds < 30 ? "met" : "NOT MET"}`);
        console.log(`  state ${job.state}: done ${job.done}, failed ${job.failed}, skipped ${job.skipped}; ${accepted} now ACCEPTED locally; ${audits} audit rows`);
        if (job.state !== "SUCCEEDED" || accepted !== N || audits !== N) throw new Error("the job did not end exact");
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    // The app's own handles this process opened (the queue producer, the pool behind lib/db) close first.
    if (appHandlesOpen) {
      const { getProducer } = await import("../lib/jobs/boss");
      await (await getProducer(prepared.url)).stop({ graceful: false, wait: true }).catch(() => undefined);
      const app = await import("../lib/db");
      await app.getDb().$disconnect();
      await app.getPool().end().catch(() => undefined);
    }
    for (const child of children.reverse()) await stopProcess(child);
    await db.$disconnect();
    await pool.end();
    await prepared.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error("[bench] failed:", error);
    process.exit(1);
  },
);

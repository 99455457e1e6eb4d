import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActionContext } from "../../lib/actions/safe-action";
import { QUEUES, startBoss } from "../../lib/jobs/boss";
import { requestBulkStatus } from "../../lib/profiles/status/bulk";
import { createIsolatedDatabase, TEST_REQUEST, uniqueEmail } from "../support/db";
import { startTestSandbox } from "../support/sandbox";
import { startWorkerProcess, stopWorkerProcess, waitFor } from "../support/worker-process";

const SIZE = 5000;

// A bulk status job in a real worker process, killed (SIGKILL) in the middle and resumed by the next one.
describe("a bulk status job across a worker crash", () => {
  let sb: Awaited<ReturnType<typeof startTestSandbox>>;
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let boss: Awaited<ReturnType<typeof startBoss>>;
  const children: ChildProcess[] = [];
  const saved = { ...process.env };
  const ids: string[] = [];
  const seen = new Set<string>();

  const spawnWorker = async (name: string) => {
    const worker = await startWorkerProcess({ ...sb.env, DATABASE_URL: isolated.url, BULK_STATUS_CONCURRENCY: "2", PROVIDER_RETRY_BASE_MS: "5" }, name);
    children.push(worker.child);
    return worker;
  };
  const stats = async () => ((await sb.control("/stats")).counters as Record<string, Record<string, number>>).statusChanges ?? {};

  beforeAll(async () => {
    sb = await startTestSandbox({ profiles: 14_000, jumioAccounts: 0, trustxInstances: 0, seed: 16 });
    isolated = await createIsolatedDatabase("job_worker");
    process.env.DATABASE_URL = isolated.url;
    process.env.NEXTAUTH_SECRET ??= "job-worker-test-secret-0123456789";
    process.env.BULK_APPROVAL_THRESHOLD = "0";
    // The job reads only ids and statuses locally: the clients' summaries are enough of a copy here.
    for await (const page of sb.clients.trulioo!.clients({ statuses: ["COMPLETED", "REJECTED", "PENDING_REVIEW"], limit: 500 })) {
      const rows = page.filter((s) => !seen.has(s.id)).slice(0, SIZE - ids.length);
      rows.forEach((r) => seen.add(r.id));
      if (rows.length === 0) continue;
      await isolated.pool.query(
        `INSERT INTO profiles (id, status, profile_type, status_manually_changed, owner_ids, created_at, last_modified, raw, content_hash)
         SELECT id, status, 'NORMAL', false, '{}', now(), now(), '{}', 'summary' FROM unnest($1::uuid[], $2::text[]) AS t(id, status)
         ON CONFLICT (id) DO NOTHING`,
        [rows.map((r) => r.id), rows.map((r) => r.status)],
      );
      ids.push(...rows.map((r) => r.id));
      if (ids.length >= SIZE) break;
    }
    boss = await startBoss(isolated.url, "producer", () => undefined);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(children.splice(0).map((child) => stopWorkerProcess(child, "SIGKILL")));
    await boss?.stop({ graceful: false, wait: true });
    const { getDb, getPool } = await import("../../lib/db");
    await getDb().$disconnect();
    await getPool().end().catch(() => undefined);
    process.env = saved;
    await sb?.sandbox.close();
    await isolated?.drop();
  });

  it("finishes after the restart, every profile changed once, no chunk sent twice", async () => {
    expect(ids).toHaveLength(SIZE);
    const { db } = isolated;
    const user = await db.user.create({ data: { email: uniqueEmail("crash"), name: "Marco Crash", role: "MANAGER" } });
    const actor = { id: user.id, email: user.email, role: user.role };
    const ctx: TActionContext = { user: { ...actor, name: user.name, mustChangePassword: false }, actor, request: TEST_REQUEST, db, audit: (entry) => ({ ...entry, actor, request: TEST_REQUEST }) };
    // Slow enough upstream that the kill lands mid-job.
    await sb.control("/faults", { provider: "trulioo", latencyMs: 60 });
    const before = await stats();
    const { jobId, total } = await requestBulkStatus(ctx, { selection: { ids }, status: "ACCEPTED" });
    expect(total).toBe(SIZE);

    const first = await spawnWorker("worker 1");
    await boss.send(QUEUES.job, { jobId });
    await waitFor("the job to commit some chunks", async () => {
      const job = await db.job.findUnique({ where: { id: jobId } });
      return job?.state === "RUNNING" && job.done >= 800;
    }, 90_000);
    await stopWorkerProcess(first.child, "SIGKILL");
    const halfway = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(halfway.done).toBeLessThan(SIZE);

    await sb.control("/faults", { provider: "trulioo", latencyMs: 0 });
    const second = await spawnWorker("worker 2");
    const done = await waitFor("the resumed job to finish", async () => {
      const job = await db.job.findUnique({ where: { id: jobId } });
      return job && job.finishedAt ? job : null;
    }, 120_000);
    expect(done).toMatchObject({ state: "SUCCEEDED", done: SIZE, failed: 0, skipped: 0 });
    expect(second.output.join("")).toContain(`resuming job ${jobId}`);

    // Every profile has its new status, locally and upstream, and exactly one audit row from this job.
    expect(await db.profile.count({ where: { id: { in: ids }, status: "ACCEPTED" } })).toBe(SIZE);
    const audits = await db.$queryRaw<{ n: bigint; subjects: bigint }[]>`
      SELECT count(*) AS n, count(DISTINCT target_id) AS subjects FROM audit_events
      WHERE action = 'profile.status_change' AND details->>'jobId' = ${jobId}`;
    expect([Number(audits[0]!.n), Number(audits[0]!.subjects)]).toEqual([SIZE, SIZE]);
    const after = await stats();
    expect((after.ids ?? 0) - (before.ids ?? 0)).toBe(SIZE);
    expect((after.requests ?? 0) - (before.requests ?? 0)).toBe(SIZE / 100);
    expect((after.noops ?? 0) - (before.noops ?? 0)).toBe(0);
    for (const id of ids.slice(0, 5).concat(ids.slice(-5))) expect((await sb.clients.trulioo!.getClient(id)).client.status).toBe("ACCEPTED");
  }, 300_000);
});

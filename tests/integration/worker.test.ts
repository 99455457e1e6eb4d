import type { ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBoss, QUEUES } from "../../lib/jobs/boss";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { createSyncRun } from "../../lib/sync/run-sync";
import { createIsolatedDatabase } from "../support/db";
import { startTestSandbox } from "../support/sandbox";
import { mismatches, readTruth, report } from "../support/independent-truth";
import { startWorkerProcess, stopWorkerProcess, waitFor } from "../support/worker-process";

const PROFILES = 400;
const BATCH = 10;

describe("sync worker processes", () => {
  let sb: Awaited<ReturnType<typeof startTestSandbox>>;
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let db: PrismaClient;
  let boss: Awaited<ReturnType<typeof startBoss>>;
  const children: ChildProcess[] = [];

  const workerEnv = () => ({
    ...sb.env,
    DATABASE_URL: isolated.url,
    SYNC_CONCURRENCY: "2",
    SYNC_BATCH_SIZE: String(BATCH),
    PROVIDER_RETRY_BASE_MS: "5",
  });
  const spawnWorker = async (name: string) => {
    const worker = await startWorkerProcess(workerEnv(), name);
    children.push(worker.child);
    return worker;
  };
  const queueRun = async (kind: "INCREMENTAL" | "FULL") => {
    const runId = await createSyncRun(db, kind, "test");
    await boss.send(QUEUES.syncRun, { runId });
    return runId;
  };
  const expectExact = async () => {
    const truth = await readTruth(sb.env);
    expect(report(await mismatches(db, truth))).toBe("exact");
    return truth;
  };

  beforeAll(async () => {
    sb = await startTestSandbox({ profiles: PROFILES, seed: 5, jumioAccounts: 60, trustxInstances: 60, trackReads: true });
    isolated = await createIsolatedDatabase("worker");
    db = isolated.db;
    boss = await startBoss(isolated.url, "producer", () => undefined);
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => stopWorkerProcess(child, "SIGKILL")));
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true });
    await sb?.sandbox.close();
    await isolated?.drop();
  });

  it("two workers at once run queued syncs one at a time and leave an exact copy", async () => {
    await Promise.all([spawnWorker("worker A"), spawnWorker("worker B")]);
    const runs = [await queueRun("INCREMENTAL"), await queueRun("FULL")];
    await waitFor("both runs to finish", async () => {
      const done = await db.syncRun.count({ where: { id: { in: runs }, state: { in: ["SUCCEEDED", "FAILED"] } } });
      return done === runs.length;
    }, 90_000);
    const finished = await db.syncRun.findMany({ where: { id: { in: runs } } });
    expect(finished.map((r) => r.state)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    // The lock kept them apart: one started after the other ended.
    const [a, b] = finished.sort((x, y) => x.startedAt!.getTime() - y.startedAt!.getTime());
    expect(b!.startedAt!.getTime()).toBeGreaterThanOrEqual(a!.finishedAt!.getTime());
    await expectExact();
  }, 120_000);

  it("a worker killed mid-sync (SIGKILL) is resumed by the next worker from the last committed batch", async () => {
    await db.$executeRawUnsafe("TRUNCATE profiles, executions, workflows, sync_cursors, sync_errors, sync_runs CASCADE");
    await sb.control("/faults", { provider: "all", latencyMs: 15 });
    const first = await spawnWorker("worker 1");
    const runId = await queueRun("INCREMENTAL");
    await waitFor("the run to commit half the profiles", async () => {
      const run = await db.syncRun.findUnique({ where: { id: runId } });
      return run?.state === "RUNNING" && (await db.profile.count()) >= PROFILES / 2;
    });
    await stopWorkerProcess(first.child, "SIGKILL");
    const committed = new Set((await db.profile.findMany({ select: { id: true } })).map((p) => p.id));
    expect(committed.size).toBeLessThan(PROFILES);
    const remaining = PROFILES - committed.size;

    // From here the sandbox counts what the resuming run asks for.
    await sb.control("/faults", undefined, "DELETE");
    await sb.control("/stats/reset", {});
    await spawnWorker("worker 2");
    const interrupted = await waitFor("the interrupted run to be marked", async () => {
      const run = await db.syncRun.findUnique({ where: { id: runId } });
      return run?.state === "FAILED" ? run : null;
    });
    expect(interrupted.failure).toMatch(/worker stopped/);
    await waitFor("the resuming run to succeed", () => db.syncRun.findFirst({ where: { requestedBy: "recovery", state: "SUCCEEDED" } }), 90_000);

    // Upstream saw the resumed run read only what the killed one had not committed: every other profile
    // once (E3), committed ones at most one batch again, and list pages (E2) from the cursor on, not
    // from the start (a restart from zero lists all PROFILES / 50 pages again).
    const stats = (await sb.control("/stats")) as { routes: Record<string, Record<string, number>> };
    const reads = (await sb.control(`/reads?route=${encodeURIComponent("GET /v2/query/client/:clientId")}`)) as Record<string, number>;
    const reread = Object.keys(reads).filter((id) => committed.has(id));
    const notCommitted = (await db.profile.findMany({ select: { id: true } })).map((p) => p.id).filter((id) => !committed.has(id));
    expect(notCommitted).toHaveLength(remaining);
    for (const id of notCommitted) expect(reads[id], `${id} was not committed before the kill`).toBeGreaterThanOrEqual(1);
    expect(reread.length, `committed before the kill, read again: ${reread.length}`).toBeLessThanOrEqual(BATCH);
    expect(Object.values(reads).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(remaining + BATCH);
    const listPages = stats.routes.trulioo?.["GET /v2/query/clients"] ?? 0;
    expect(listPages, "E2 pages the resumed run listed").toBeLessThanOrEqual(Math.ceil((remaining + BATCH) / 49) + 2);
    expect(listPages).toBeLessThan(Math.ceil(PROFILES / 50));
    await expectExact();
  }, 180_000);
});

import { beforeAll, describe, expect, it } from "vitest";
import type { TActionContext } from "../../lib/actions/safe-action";
import { runJob, type TRunnerDeps } from "../../lib/jobs/runner";
import { requestBulkStatus } from "../../lib/profiles/status/bulk";
import { actionContextFor, jobRunnerDeps, syncedWorld, type TSyncedWorld } from "../support/synced-world";

// Bulk status changes as jobs (issue 15): Trulioo first, the local copy follows what it confirmed.
describe("bulk status jobs", () => {
  const lines: string[] = [];
  const world = syncedWorld("bulk_status", { profiles: 400, jumioAccounts: 2, trustxInstances: 2, seed: 15 }, { env: { BULK_APPROVAL_THRESHOLD: "0" } });
  let sb: TSyncedWorld["sb"];
  let isolated: TSyncedWorld["isolated"];
  let ctx: TActionContext;
  let deps: TRunnerDeps;
  beforeAll(async () => {
    ({ sb, isolated } = world);
    ctx = await actionContextFor(isolated.db, "MANAGER", "Marco Bulk");
    deps = jobRunnerDeps(world, (l) => lines.push(l));
  });

  const upstreamStatus = async (id: string) => (await sb.clients.trulioo!.getClient(id)).client.status;
  const stats = async () => ((await sb.control("/stats")).counters as Record<string, Record<string, number>>).statusChanges ?? {};

  it("sets every profile matching a filter, upstream and locally, with one audit row per profile and one for the job", async () => {
    const { db } = isolated;
    const matching = await db.profile.findMany({ where: { status: { in: ["PENDING_REVIEW", "COMPLETED"] } }, select: { id: true } });
    expect(matching.length).toBeGreaterThan(100);
    const before = await stats();
    const { jobId, total } = await requestBulkStatus(ctx, { selection: { query: "status=PENDING_REVIEW,COMPLETED" }, status: "ACCEPTED" });
    expect(total).toBe(matching.length);
    expect(await runJob(deps, jobId)).toBe("ran");

    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ state: "SUCCEEDED", total: matching.length, done: matching.length, failed: 0, skipped: 0 });
    const ids = matching.map((m) => m.id);
    expect(await db.profile.count({ where: { id: { in: ids }, status: "ACCEPTED", statusManuallyChanged: true } })).toBe(ids.length);
    for (const id of ids.slice(0, 10)) expect(await upstreamStatus(id)).toBe("ACCEPTED");
    const after = await stats();
    expect((after.requests ?? 0) - (before.requests ?? 0)).toBe(Math.ceil(ids.length / 100));
    expect((after.noops ?? 0) - (before.noops ?? 0)).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "profile.status_change", details: { path: ["jobId"], equals: jobId } } })).toBe(ids.length);
    expect(await db.auditEvent.count({ where: { action: "profiles.bulk_status", targetId: jobId } })).toBe(1);
    // The webhooks echoing these changes are known to be ours.
    expect(await db.localChange.count({ where: { subjectId: { in: ids }, eventType: "MANUALLY_ACCEPTED" } })).toBe(ids.length);
  });

  it("closes ids the rules forbid before sending, and fails only what Trulioo refused, each with its reason", async () => {
    const { db, pool } = isolated;
    const notStarted = await db.profile.findFirstOrThrow({ where: { status: "NOT_STARTED" } });
    const abandoned = await db.profile.findFirstOrThrow({ where: { status: "ABANDONED" } });
    const fine = await db.profile.findMany({ where: { status: "ACCEPTED" }, take: 5 });
    // Our copy is stale: it thinks this client waits for review, Trulioo has it abandoned (4111 upstream).
    await pool.query("UPDATE profiles SET status = 'PENDING_REVIEW' WHERE id = $1::uuid", [abandoned.id]);
    const { jobId, refusedByRules } = await requestBulkStatus(ctx, {
      selection: { ids: [notStarted.id, abandoned.id, ...fine.map((f) => f.id)] },
      status: "REJECTED",
      reason: "Document appears forged or altered",
    });
    expect(refusedByRules).toBe(1);
    await runJob(deps, jobId);
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId }, include: { items: { orderBy: { seq: "asc" } } } });
    expect(job).toMatchObject({ state: "PARTIAL", total: 7, done: 5, failed: 1, skipped: 1 });
    const item = (id: string) => job.items.find((i) => i.subjectId === id)!;
    expect(item(notStarted.id)).toMatchObject({ state: "SKIPPED", code: "rules", message: expect.stringContaining("NOT_STARTED → REJECTED") });
    expect(item(abandoned.id)).toMatchObject({ state: "FAILED", code: "4111", message: expect.stringContaining("4111") });
    expect((await db.profile.findUniqueOrThrow({ where: { id: abandoned.id } })).status).toBe("PENDING_REVIEW");
    expect(await upstreamStatus(abandoned.id)).toBe("ABANDONED");
    for (const f of fine) expect(item(f.id).state).toBe("DONE");
    expect(await db.profile.count({ where: { id: { in: fine.map((f) => f.id) }, status: "REJECTED" } })).toBe(5);
    const refusal = await db.auditEvent.findFirstOrThrow({ where: { action: "profile.status_change", targetId: abandoned.id, outcome: "FAILED" } });
    expect(refusal.details).toMatchObject({ code: "4111", reason: "Document appears forged or altered", jobId });
    await pool.query("UPDATE profiles SET status = 'ABANDONED' WHERE id = $1::uuid", [abandoned.id]);
  });

  it("waits out 429 bursts and 5xx without failing or splitting a chunk, and ends exact", async () => {
    const { db } = isolated;
    const targets = await db.profile.findMany({ where: { status: "ACCEPTED" }, take: 250, orderBy: { id: "asc" } });
    expect(targets.length).toBeGreaterThan(100);
    await sb.control("/faults", { provider: "trulioo", next429: 25, next500: 12, retryAfterSeconds: 0 });
    const before = await stats();
    const { jobId } = await requestBulkStatus(ctx, { selection: { ids: targets.map((t) => t.id) }, status: "PENDING_REVIEW" });
    await runJob(deps, jobId);
    // The client's own retries ran out at least once: the chunk waited and went again, whole.
    expect(lines.some((l) => l.includes(jobId) && /rate limiting|HTTP 5\d\d/.test(l))).toBe(true);
    const after = await stats();
    expect((after.requests ?? 0) - (before.requests ?? 0)).toBe(Math.ceil(targets.length / 100));
    await sb.control("/faults", { provider: "trulioo", next429: 0, next500: 0 });
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId }, include: { items: { where: { state: { not: "DONE" } } } } });
    expect(job.items).toEqual([]);
    expect(job).toMatchObject({ state: "SUCCEEDED", total: targets.length, done: targets.length, failed: 0 });
    expect(await db.profile.count({ where: { id: { in: targets.map((t) => t.id) }, status: "PENDING_REVIEW" } })).toBe(targets.length);
    for (const t of targets.slice(0, 5)) expect(await upstreamStatus(t.id)).toBe("PENDING_REVIEW");
  });

  it("settles a chunk a dead worker had sent by reading Trulioo, and does not send it again", async () => {
    const { db, pool } = isolated;
    const targets = await db.profile.findMany({ where: { status: "PENDING_REVIEW" }, take: 150, orderBy: { id: "asc" } });
    expect(targets).toHaveLength(150);
    const { jobId } = await requestBulkStatus(ctx, { selection: { ids: targets.map((t) => t.id) }, status: "ACCEPTED" });
    // A worker claimed and sent the first chunk, Trulioo applied it, and the worker died before committing.
    const first = targets.slice(0, 100).map((t) => t.id);
    await pool.query(
      "UPDATE job_items SET state = 'CLAIMED', chunk = 1, claimed_by = 'dead', claimed_at = now(), sent_at = now() WHERE job_id = $1::uuid AND subject_id = ANY($2::text[])",
      [jobId, first],
    );
    await pool.query("UPDATE jobs SET state = 'RUNNING', started_at = now() WHERE id = $1::uuid", [jobId]);
    await sb.clients.trulioo!.updateStatuses(first, "ACCEPTED");
    const before = await stats();
    await runJob(deps, jobId);
    const after = await stats();
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId }, include: { items: { where: { state: { not: "DONE" } } } } });
    expect(job.items).toEqual([]);
    expect(job).toMatchObject({ state: "SUCCEEDED", done: 150, failed: 0 });
    expect((after.requests ?? 0) - (before.requests ?? 0)).toBe(1);
    expect((after.ids ?? 0) - (before.ids ?? 0)).toBe(50);
    expect(await db.profile.count({ where: { id: { in: targets.map((t) => t.id) }, status: "ACCEPTED" } })).toBe(150);
    expect(lines.some((l) => l.includes("100 settled from upstream, 0 to send again"))).toBe(true);
  });

  it("a change larger than the four-eyes threshold waits for approval; 0 turns it off", async () => {
    const { db } = isolated;
    const targets = await db.profile.findMany({ where: { status: "ACCEPTED" }, take: 4 });
    {
      const big = await requestBulkStatus(ctx, { selection: { ids: targets.map((t) => t.id) }, status: "PENDING_REVIEW" }, { threshold: 3 });
      expect(big.awaitingApproval).toBe(true);
      expect(await db.job.findUniqueOrThrow({ where: { id: big.jobId } })).toMatchObject({ state: "AWAITING_APPROVAL", approvalRequired: true });
      // Waiting, it is not run even if a message reaches a worker.
      expect(await runJob(deps, big.jobId)).toBe("skipped");
      const small = await requestBulkStatus(ctx, { selection: { ids: targets.slice(0, 3).map((t) => t.id) }, status: "PENDING_REVIEW" }, { threshold: 3 });
      expect(small.awaitingApproval).toBe(false);
      await db.job.update({ where: { id: small.jobId }, data: { state: "CANCELLED" } });
    }
    const off = await requestBulkStatus(ctx, { selection: { ids: targets.map((t) => t.id) }, status: "PENDING_REVIEW" }, { threshold: 0 });
    expect(off.awaitingApproval).toBe(false);
    await db.job.update({ where: { id: off.jobId }, data: { state: "CANCELLED" } });
  });

  it("a cancel stops before the next chunk and closes what was not sent", async () => {
    const { db } = isolated;
    const targets = await db.profile.findMany({ where: { status: "ACCEPTED" }, take: 120 });
    const { jobId } = await requestBulkStatus(ctx, { selection: { ids: targets.map((t) => t.id) }, status: "PENDING_REVIEW" });
    await db.job.update({ where: { id: jobId }, data: { cancelRequestedAt: new Date() } });
    await runJob(deps, jobId);
    expect(await db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: "CANCELLED", done: 0, skipped: 120 });
    expect(await db.profile.count({ where: { id: { in: targets.map((t) => t.id) }, status: "ACCEPTED" } })).toBe(120);
  });
});

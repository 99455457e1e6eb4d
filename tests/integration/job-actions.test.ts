import { beforeAll, describe, expect, it } from "vitest";
import type { TActionContext } from "../../lib/actions/safe-action";
import { approveJob, cancelJob, rejectJob, retryFailedItems } from "../../lib/jobs/decisions";
import { runJob, type TRunnerDeps } from "../../lib/jobs/runner";
import { ZRejectJobSchema } from "../../lib/jobs/schemas";
import { requestBulkStatus } from "../../lib/profiles/status/bulk";
import { actionContextFor, jobRunnerDeps, syncedWorld, type TSyncedWorld } from "../support/synced-world";

// What people do to jobs (issue 15): four eyes on large changes, cancel, and "retry the failed ones".
describe("job decisions", () => {
  const world = syncedWorld("job_actions", { profiles: 120, jumioAccounts: 2, trustxInstances: 2, seed: 21 }, {
    // Small, so a change of six profiles already needs a second manager.
    env: { BULK_APPROVAL_THRESHOLD: "5" },
  });
  let isolated: TSyncedWorld["isolated"];
  let deps: TRunnerDeps;
  const users: Record<"requester" | "second" | "analyst" | "admin", TActionContext> = {} as never;
  const enqueued: string[] = [];
  const enqueue = { enqueue: async (id: string) => void enqueued.push(id) };

  beforeAll(async () => {
    ({ isolated } = world);
    users.requester = await actionContextFor(isolated.db, "MANAGER", "Mara Requester");
    users.second = await actionContextFor(isolated.db, "MANAGER", "Sven Second");
    users.analyst = await actionContextFor(isolated.db, "ANALYST", "Ana Lyst");
    users.admin = await actionContextFor(isolated.db, "ADMIN", "Ada Admin");
    deps = jobRunnerDeps(world);
  });

  const profilesIn = async (status: string, take: number, skip = 0) =>
    (await isolated.db.profile.findMany({ where: { status }, orderBy: { id: "asc" }, take, skip, select: { id: true } })).map((p) => p.id);
  const job = (id: string) => isolated.db.job.findUniqueOrThrow({ where: { id }, include: { items: { orderBy: { seq: "asc" } } } });
  const audits = (action: string, targetId: string) => isolated.db.auditEvent.findMany({ where: { action, targetId }, orderBy: { id: "asc" } });

  it("a large change waits for a second manager: the requester and an analyst are refused, the second approves", async () => {
    const ids = await profilesIn("ACCEPTED", 8);
    const { jobId, awaitingApproval } = await requestBulkStatus(users.requester, { selection: { ids }, status: "PENDING_REVIEW" });
    expect(awaitingApproval).toBe(true);
    expect((await job(jobId)).state).toBe("AWAITING_APPROVAL");
    // Nothing runs while it waits.
    expect(await runJob(deps, jobId)).toBe("skipped");

    await expect(approveJob(users.requester, { jobId }, enqueue)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("second manager") });
    await expect(approveJob(users.analyst, { jobId }, enqueue)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await job(jobId)).state).toBe("AWAITING_APPROVAL");
    const denied = await audits("job.approve", jobId);
    expect(denied.map((a) => [a.outcome, a.actorId, (a.details as { why: string }).why])).toEqual([
      ["DENIED", users.requester.user.id, "requester"],
      ["DENIED", users.analyst.user.id, "role"],
    ]);

    await approveJob(users.second, { jobId, reason: "Checked the list with the team lead" }, enqueue);
    expect(enqueued).toContain(jobId);
    expect(await job(jobId)).toMatchObject({ state: "QUEUED", decidedById: users.second.user.id, decidedByEmail: users.second.user.email, decisionReason: "Checked the list with the team lead" });
    const approved = (await audits("job.approve", jobId)).filter((a) => a.outcome === "SUCCESS");
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ actorId: users.second.user.id, details: { reason: "Checked the list with the team lead" } });
    // Decided once: a second decision finds it no longer waiting.
    await expect(approveJob(users.admin, { jobId }, enqueue)).rejects.toMatchObject({ code: "CONFLICT" });

    await runJob(deps, jobId);
    expect(await job(jobId)).toMatchObject({ state: "SUCCEEDED", done: 8 });
    expect(await isolated.db.profile.count({ where: { id: { in: ids }, status: "PENDING_REVIEW" } })).toBe(8);
  });

  it("the database itself refuses a decision by the requester", async () => {
    const ids = await profilesIn("ACCEPTED", 6);
    const { jobId } = await requestBulkStatus(users.requester, { selection: { ids }, status: "PENDING_REVIEW" });
    await expect(
      isolated.pool.query("UPDATE jobs SET decided_by_id = requested_by_id, state = 'QUEUED' WHERE id = $1::uuid", [jobId]),
    ).rejects.toMatchObject({ code: "23514", constraint: "jobs_decider_not_requester" });
    await cancelJob(users.requester, { jobId });
  });

  it("a rejection needs a reason, sends nothing and closes every item with it", async () => {
    expect(ZRejectJobSchema.safeParse({ jobId: crypto.randomUUID(), reason: "  " }).success).toBe(false);
    const ids = await profilesIn("PENDING_REVIEW", 7);
    const { jobId } = await requestBulkStatus(users.requester, { selection: { ids }, status: "ACCEPTED" });
    await expect(rejectJob(users.requester, { jobId, reason: "mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await rejectJob(users.admin, { jobId, reason: "Wrong filter: these are not reviewed yet" });
    const rejected = await job(jobId);
    expect(rejected).toMatchObject({ state: "REJECTED", decidedById: users.admin.user.id, skipped: 7, decisionReason: "Wrong filter: these are not reviewed yet" });
    expect(rejected.finishedAt).not.toBeNull();
    expect(rejected.items.every((i) => i.state === "SKIPPED" && i.message === "Rejected at approval: Wrong filter: these are not reviewed yet")).toBe(true);
    expect(await isolated.db.profile.count({ where: { id: { in: ids }, status: "PENDING_REVIEW" } })).toBe(7);
    expect((await audits("job.reject", jobId)).map((a) => [a.outcome, a.actorId])).toEqual([
      ["DENIED", users.requester.user.id],
      ["SUCCESS", users.admin.user.id],
    ]);
    await expect(approveJob(users.second, { jobId }, enqueue)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await runJob(deps, jobId)).toBe("skipped");
  });

  it("cancel closes a waiting or queued job at once, stops a running one before its next chunk, and is audited", async () => {
    const waiting = await requestBulkStatus(users.requester, { selection: { ids: await profilesIn("ACCEPTED", 6) }, status: "PENDING_REVIEW" });
    expect(await cancelJob(users.second, { jobId: waiting.jobId })).toEqual({ state: "CANCELLED" });
    expect(await job(waiting.jobId)).toMatchObject({ state: "CANCELLED", skipped: 6 });

    const queued = await requestBulkStatus(users.requester, { selection: { ids: await profilesIn("ACCEPTED", 3) }, status: "PENDING_REVIEW" });
    expect(queued.awaitingApproval).toBe(false);
    expect(await cancelJob(users.requester, { jobId: queued.jobId })).toEqual({ state: "CANCELLED" });
    const closed = await job(queued.jobId);
    expect(closed.items.map((i) => [i.state, i.message])).toEqual(Array(3).fill(["SKIPPED", "Not sent: the job was cancelled."]));
    expect(await runJob(deps, queued.jobId)).toBe("skipped");

    // A worker has it in hand (its state RUNNING): cancel asks, the runner stops and closes the rest.
    const ids = await profilesIn("ACCEPTED", 4);
    const running = await requestBulkStatus(users.requester, { selection: { ids }, status: "PENDING_REVIEW" });
    await isolated.pool.query("UPDATE jobs SET state = 'RUNNING', started_at = now() WHERE id = $1::uuid", [running.jobId]);
    expect(await cancelJob(users.second, { jobId: running.jobId })).toEqual({ state: "CANCELLING" });
    expect((await job(running.jobId)).cancelRequestedAt).not.toBeNull();
    await runJob(deps, running.jobId);
    expect(await job(running.jobId)).toMatchObject({ state: "CANCELLED", done: 0, skipped: 4 });
    expect(await isolated.db.profile.count({ where: { id: { in: ids }, status: "ACCEPTED" } })).toBe(4);

    await expect(cancelJob(users.second, { jobId: running.jobId })).rejects.toMatchObject({ code: "CONFLICT" });
    const rows = await isolated.db.auditEvent.findMany({ where: { action: "job.cancel", targetId: { in: [waiting.jobId, queued.jobId, running.jobId] } } });
    expect(rows.map((r) => (r.details as { closedAtOnce: boolean }).closedAtOnce).sort()).toEqual([false, true, true]);
  });

  it("'retry the failed ones' makes a new job over exactly those ids, with the same change, naming the job it retries", async () => {
    const { db, pool } = isolated;
    // Our copy is stale for two abandoned clients: Trulioo refuses them (4111), the others go through.
    const abandoned = await profilesIn("ABANDONED", 2);
    expect(abandoned).toHaveLength(2);
    await pool.query("UPDATE profiles SET status = 'PENDING_REVIEW' WHERE id = ANY($1::uuid[])", [abandoned]);
    const fine = await profilesIn("ACCEPTED", 3);
    const first = await requestBulkStatus(users.requester, { selection: { ids: [...fine, ...abandoned] }, status: "REJECTED", reason: "Document appears forged or altered" });
    await expect(retryFailedItems(users.requester, { jobId: first.jobId }, enqueue)).rejects.toMatchObject({ code: "CONFLICT" });
    await runJob(deps, first.jobId);
    const original = await job(first.jobId);
    expect(original).toMatchObject({ state: "PARTIAL", failed: 2, done: 3 });
    const failedIds = original.items.filter((i) => i.state === "FAILED").map((i) => i.subjectId);
    expect(failedIds.sort()).toEqual([...abandoned].sort());

    const deniedBefore = await db.auditEvent.count({ where: { action: "permission.denied", actorId: users.analyst.user.id } });
    await expect(retryFailedItems(users.analyst, { jobId: first.jobId }, enqueue)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditEvent.count({ where: { action: "permission.denied", actorId: users.analyst.user.id } })).toBe(deniedBefore + 1);

    const retry = await retryFailedItems(users.second, { jobId: first.jobId }, enqueue);
    expect(retry).toMatchObject({ total: 2, state: "QUEUED" });
    expect(enqueued).toContain(retry.jobId);
    const created = await job(retry.jobId);
    expect(created).toMatchObject({ retryOfId: first.jobId, kind: "profiles.bulk_status", payload: { status: "REJECTED", reason: "Document appears forged or altered" }, requestedById: users.second.user.id, total: 2 });
    expect(created.items.map((i) => i.subjectId).sort()).toEqual([...failedIds].sort());
    const retried = await audits("job.retry", retry.jobId);
    expect(retried).toHaveLength(1);
    expect(retried[0]).toMatchObject({ actorId: users.second.user.id, outcome: "SUCCESS", details: { retryOf: first.jobId } });
    expect(await audits("profiles.bulk_status", retry.jobId)).toHaveLength(1);

    // One retry under way at a time; once it has run, the still-failed ids can be retried again.
    await expect(retryFailedItems(users.second, { jobId: first.jobId }, enqueue)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already") });
    await runJob(deps, retry.jobId);
    expect(await job(retry.jobId)).toMatchObject({ state: "PARTIAL", failed: 2 });
    await pool.query("UPDATE profiles SET status = 'ABANDONED' WHERE id = ANY($1::uuid[])", [abandoned]);
  });

  it("a job with no failed items offers nothing to retry", async () => {
    const { jobId } = await requestBulkStatus(users.requester, { selection: { ids: await profilesIn("ACCEPTED", 2) }, status: "PENDING_REVIEW" });
    await runJob(deps, jobId);
    expect((await job(jobId)).state).toBe("SUCCEEDED");
    await expect(retryFailedItems(users.requester, { jobId }, enqueue)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(retryFailedItems(users.requester, { jobId: crypto.randomUUID() }, enqueue)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

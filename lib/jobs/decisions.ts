import "server-only";
import type pg from "pg";
import type { z } from "zod";
import { getPool } from "@/lib/db";
import { inTransaction } from "@/lib/db/sql";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import { recordAudit, recordAuditRows } from "@/lib/audit/record";
import type { TAuditAction } from "@/lib/audit/catalogue";
import type { TActionContext } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { enqueueJob } from "./boss";
import { jobDefinition } from "./definitions";
import { FINISHED_JOB_STATES, JOB_STATE_LABELS, type TJobState } from "./list-shape";
import type { ZApproveJobSchema, ZJobRefSchema, ZRejectJobSchema } from "./schemas";

// What people do to a job from the Jobs page: decide one that waits for four eyes, cancel one, and
// retry its failed items as a new job. Each change and its audit row commit in one transaction.

export type TDecisionDeps = { enqueue: (jobId: string) => Promise<void> };
const defaultDeps: TDecisionDeps = { enqueue: (jobId) => enqueueJob(getEnv().DATABASE_URL, jobId) };

type TLockedJob = { id: string; kind: string; state: TJobState; requestedById: string; title: string };

async function lockJob(client: pg.PoolClient, jobId: string): Promise<TLockedJob> {
  const { rows } = await client.query<TLockedJob>(
    `SELECT id::text, kind, state::text AS state, requested_by_id::text AS "requestedById", title FROM jobs WHERE id = $1::uuid FOR UPDATE`,
    [jobId],
  );
  if (!rows[0]) throw new AppError("NOT_FOUND", "That job does not exist.");
  return rows[0];
}

const stateLabel = (state: TJobState) => JOB_STATE_LABELS[state].toLowerCase();

/** A refusal of the four-eyes rule is evidence too: written on its own, since the change rolled back. */
async function refuse(ctx: TActionContext, action: TAuditAction, jobId: string, message: string, why: string): Promise<never> {
  await recordAudit(ctx.db, ctx.audit({ action, outcome: "DENIED", target: { type: "job", id: jobId }, details: { why } }));
  throw new AppError("FORBIDDEN", message);
}

// Four eyes: whoever asked for a job never decides it.
const REQUESTER_REFUSAL = { message: "You asked for this job: a second manager or admin has to decide it.", why: "requester" };

/** Whether this user may decide this job: it waits, their role is one of its kind's approvers, they did not ask for it. */
function decisionRefusal(ctx: TActionContext, job: TLockedJob): { message: string; why: string } | null {
  const definition = jobDefinition(job.kind);
  if (!definition || !definition.approvers.includes(ctx.user.role)) {
    return { message: "Your role may not decide jobs of this kind.", why: "role" };
  }
  if (job.requestedById === ctx.user.id) return REQUESTER_REFUSAL;
  return null;
}

const FOUR_EYES_CONSTRAINT = "jobs_decider_not_requester";

/** The database's own check of four eyes (migration 20261202010000_jobs), should the code's ever be bypassed. */
function isFourEyesViolation(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === "23514" && e.constraint === FOUR_EYES_CONSTRAINT;
}

async function decide<T>(ctx: TActionContext, action: "job.approve" | "job.reject", jobId: string, body: (client: pg.PoolClient, job: TLockedJob) => Promise<T>): Promise<T> {
  let outcome: { ok: true; value: T } | { ok: false; refusal: { message: string; why: string } };
  try {
    outcome = await inTransaction(getPool(), async (client) => {
      const job = await lockJob(client, jobId);
      if (job.state !== "AWAITING_APPROVAL") throw new AppError("CONFLICT", `This job no longer waits for approval: it is ${stateLabel(job.state)}.`);
      const refusal = decisionRefusal(ctx, job);
      return refusal ? { ok: false as const, refusal } : { ok: true as const, value: await body(client, job) };
    });
  } catch (error) {
    if (!isFourEyesViolation(error)) throw error;
    outcome = { ok: false, refusal: REQUESTER_REFUSAL };
  }
  if (outcome.ok) return outcome.value;
  return refuse(ctx, action, jobId, outcome.refusal.message, outcome.refusal.why);
}

/** Four eyes, yes: the job is queued and handed to the workers once the decision has committed. */
export async function approveJob(ctx: TActionContext, input: z.output<typeof ZApproveJobSchema>, deps: TDecisionDeps = defaultDeps) {
  const reason = input.reason || null;
  await decide(ctx, "job.approve", input.jobId, async (client, job) => {
    await client.query(
      `UPDATE jobs SET state = 'QUEUED', decided_by_id = $2::uuid, decided_by_email = $3, decided_at = now(), decision_reason = $4 WHERE id = $1::uuid`,
      [job.id, ctx.user.id, ctx.user.email, reason],
    );
    await recordAuditRows(client, [ctx.audit({ action: "job.approve", outcome: "SUCCESS", target: { type: "job", id: job.id }, details: { kind: job.kind, reason, requestedBy: job.requestedById } })]);
  });
  await handOver(deps, input.jobId);
  return { state: "QUEUED" as const };
}

/** Four eyes, no: nothing is sent; every item is closed with the reason so the results say why. */
export async function rejectJob(ctx: TActionContext, input: z.output<typeof ZRejectJobSchema>) {
  await decide(ctx, "job.reject", input.jobId, async (client, job) => {
    const closed = await closeItems(client, job.id, `Rejected at approval: ${input.reason}`);
    await client.query(
      `UPDATE jobs SET state = 'REJECTED', decided_by_id = $2::uuid, decided_by_email = $3, decided_at = now(), decision_reason = $4,
         skipped = skipped + $5, finished_at = now() WHERE id = $1::uuid`,
      [job.id, ctx.user.id, ctx.user.email, input.reason, closed],
    );
    await recordAuditRows(client, [ctx.audit({ action: "job.reject", outcome: "SUCCESS", target: { type: "job", id: job.id }, details: { kind: job.kind, reason: input.reason, requestedBy: job.requestedById, itemsClosed: closed } })]);
  });
  return { state: "REJECTED" as const };
}

async function closeItems(client: pg.PoolClient, jobId: string, message: string): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE job_items SET state = 'SKIPPED', message = $2, finished_at = now(), claimed_by = NULL WHERE job_id = $1::uuid AND state IN ('PENDING', 'CLAIMED')`,
    [jobId, message],
  );
  return rowCount ?? 0;
}

/** A lost message is not lost work: the worker's recovery check finds a queued job within minutes. */
async function handOver(deps: TDecisionDeps, jobId: string): Promise<void> {
  try {
    await deps.enqueue(jobId);
  } catch (error) {
    log.warn({ component: "jobs", jobId, ...errorFields(error) }, "could not enqueue the job; the worker's recovery check will pick it up");
  }
}

// The runner's lock (lib/jobs/runner.ts): held while a worker has the job in hand.
const TRY_RUNNER_LOCK = "SELECT pg_try_advisory_xact_lock(hashtextextended('job:' || $1, 0)) AS ok";

/**
 * Cancel: a job nobody runs (waiting for approval, or queued with no worker holding it) is closed at
 * once, its items skipped; a running one is asked to stop, and its runner stops before the next chunk
 * and closes what it did not send (lib/jobs/runner.ts).
 */
export async function cancelJob(ctx: TActionContext, input: z.output<typeof ZJobRefSchema>) {
  return inTransaction(getPool(), async (client) => {
    const job = await lockJob(client, input.jobId);
    if (!["AWAITING_APPROVAL", "QUEUED", "RUNNING"].includes(job.state)) {
      throw new AppError("CONFLICT", `This job has already ended: it is ${stateLabel(job.state)}.`);
    }
    const idle = job.state === "AWAITING_APPROVAL" || (job.state === "QUEUED" && (await client.query<{ ok: boolean }>(TRY_RUNNER_LOCK, [job.id])).rows[0]?.ok === true);
    let closed = 0;
    if (idle) {
      closed = await closeItems(client, job.id, "Not sent: the job was cancelled.");
      await client.query(
        `UPDATE jobs SET state = 'CANCELLED', cancel_requested_at = COALESCE(cancel_requested_at, now()), skipped = skipped + $2, finished_at = now() WHERE id = $1::uuid`,
        [job.id, closed],
      );
    } else {
      await client.query("UPDATE jobs SET cancel_requested_at = COALESCE(cancel_requested_at, now()) WHERE id = $1::uuid", [job.id]);
    }
    await recordAuditRows(client, [ctx.audit({ action: "job.cancel", outcome: "SUCCESS", target: { type: "job", id: job.id }, details: { kind: job.kind, stateBefore: job.state, closedAtOnce: idle, itemsClosed: closed } })]);
    return { state: idle ? ("CANCELLED" as const) : ("CANCELLING" as const) };
  });
}

/**
 * "Retry the failed ones": a new job, through the kind's own request path, over exactly the ids that
 * failed (in their order), naming this job as the one it retries. It needs the permission it takes to
 * ask for such a job in the first place.
 */
export async function retryFailedItems(ctx: TActionContext, input: z.output<typeof ZJobRefSchema>, deps: TDecisionDeps = defaultDeps) {
  const job = await ctx.db.job.findUnique({ where: { id: input.jobId }, select: { id: true, kind: true, state: true, payload: true } });
  if (!job) throw new AppError("NOT_FOUND", "That job does not exist.");
  const definition = jobDefinition(job.kind);
  if (!definition) throw new AppError("BAD_REQUEST", `Jobs of kind ${job.kind} cannot be retried here.`);
  if (!can(ctx.user.role, definition.requestPermission)) {
    await recordAudit(ctx.db, ctx.audit({ action: "permission.denied", outcome: "DENIED", details: { permission: definition.requestPermission, resource: "action:job.retry" } }));
    throw new AppError("FORBIDDEN", "Your role does not allow this action.");
  }
  if (!FINISHED_JOB_STATES.includes(job.state)) throw new AppError("CONFLICT", "Wait until the job has finished: its failed items may still change.");
  // One retry under way at a time: a second click would send the same ids twice.
  const open = await ctx.db.job.count({ where: { retryOfId: job.id, state: { in: ["AWAITING_APPROVAL", "QUEUED", "RUNNING"] } } });
  if (open > 0) throw new AppError("CONFLICT", "A retry of this job is already waiting or running.");
  const failed = await ctx.db.jobItem.findMany({ where: { jobId: job.id, state: "FAILED" }, orderBy: { seq: "asc" }, select: { subjectId: true } });
  if (failed.length === 0) throw new AppError("BAD_REQUEST", "No item of this job failed: there is nothing to retry.");
  const payload = definition.payload.safeParse(job.payload);
  if (!payload.success) throw new AppError("BAD_REQUEST", "This job's parameters can no longer be read, so it cannot be retried.");
  const created = await definition.retry(ctx, { id: job.id, payload: payload.data }, failed.map((f) => f.subjectId));
  const next = await ctx.db.job.findUniqueOrThrow({ where: { id: created.jobId }, select: { state: true } });
  // A retry large enough waits for four eyes like any request; otherwise it goes to the workers now.
  if (next.state === "QUEUED") await handOver(deps, created.jobId);
  return { jobId: created.jobId, total: failed.length, state: next.state };
}

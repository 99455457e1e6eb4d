import { z } from "zod";
import { getWorkerEnv } from "@/lib/env";
import { defineJob, type TItemOutcome, type TJobContext, type TJobItem } from "@/lib/jobs/define";
import { ProviderDisabledError, ProviderHttpError } from "@/lib/providers/errors";
import { temporaryFailure } from "@/lib/jobs/temporary";
import { STATUS_TARGETS } from "@/lib/providers/trulioo/schemas";
import { mapLimit } from "@/lib/sync/concurrency";
import { applyConfirmedStatuses } from "./apply";

export const BULK_STATUS_JOB = "profiles.bulk_status";

export const ZBulkStatusPayloadSchema = z.object({
  status: z.enum(STATUS_TARGETS),
  reason: z.string().max(500).nullable(),
});
export type TBulkStatusPayload = z.output<typeof ZBulkStatusPayloadSchema>;

// Chunks of at most 100 ids (contract P1), several in flight at once (BULK_STATUS_CONCURRENCY).
const CHUNK = 100;

type TCtx = TJobContext<TBulkStatusPayload>;

function trulioo(ctx: TCtx) {
  const client = ctx.clients.trulioo;
  if (!client) throw new ProviderDisabledError("trulioo");
  return client;
}

async function send(ctx: TCtx, items: TJobItem[]): Promise<TItemOutcome[]> {
  try {
    const result = await trulioo(ctx).updateStatuses(items.map((i) => i.subjectId), ctx.payload.status);
    const failed = new Map(result.failed.map((f) => [f.id, f.error]));
    return items.map((item): TItemOutcome => {
      const error = failed.get(item.subjectId);
      if (error) return { seq: item.seq, state: "FAILED", code: error.code !== null ? String(error.code) : String(error.status), message: error.userMessage };
      return { seq: item.seq, state: "DONE", message: item.before === ctx.payload.status ? `already ${ctx.payload.status}` : null };
    });
  } catch (error) {
    throw temporaryFailure(error) ?? error;
  }
}

/**
 * A chunk sent by a worker that died before it committed: a request is atomic upstream, so each id
 * either has the new status (settled as done) or the chunk never took (sent again). Read, not resent.
 */
async function reconcile(ctx: TCtx, items: TJobItem[]) {
  const client = trulioo(ctx);
  const read = await mapLimit(items, 8, async (item) => {
    try {
      const { client: record } = await client.getClient(item.subjectId);
      return { item, status: record.status as string | null };
    } catch (error) {
      if (error instanceof ProviderHttpError && error.status === 404) return { item, status: null };
      throw temporaryFailure(error) ?? error;
    }
  });
  const settled: TItemOutcome[] = [];
  const resend: number[] = [];
  for (const { item, status } of read) {
    if (status === ctx.payload.status) settled.push({ seq: item.seq, state: "DONE", message: null });
    else if (status === null) settled.push({ seq: item.seq, state: "FAILED", code: "4100", message: "Trulioo 4100: Client not found" });
    else resend.push(item.seq);
  }
  return { settled, resend };
}

export const bulkStatusJob = defineJob<TBulkStatusPayload>({
  kind: BULK_STATUS_JOB,
  payload: ZBulkStatusPayloadSchema,
  approvers: ["MANAGER", "ADMIN"],
  requestPermission: "profiles.bulkStatus",
  async retry(ctx, job, failedSubjectIds) {
    // Loaded on use: the request path is the web app's (its env, the profile list's filters); the
    // worker, which imports this file for the handlers below, never needs it.
    const { requestBulkStatus } = await import("./bulk");
    const { status, reason } = job.payload;
    const created = await requestBulkStatus(ctx, { selection: { ids: failedSubjectIds }, status, reason: reason ?? undefined }, { retryOfId: job.id });
    return { jobId: created.jobId };
  },
  items: {
    chunkSize: CHUNK,
    concurrency: () => getWorkerEnv().BULK_STATUS_CONCURRENCY,
    send,
    reconcile,
    async commit(ctx, client, items, outcomes) {
      const itemOf = new Map(items.map((i) => [i.seq, i]));
      await applyConfirmedStatuses(
        client,
        { to: ctx.payload.status, reason: ctx.payload.reason, jobId: ctx.job.id, actor: ctx.actor, request: ctx.request },
        outcomes.map((o) => {
          const item = itemOf.get(o.seq)!;
          return {
            profileId: item.subjectId,
            from: item.before,
            result: o.state === "DONE" ? { ok: true as const } : { ok: false as const, code: "code" in o ? o.code : null, message: o.message ?? "refused" },
          };
        }),
      );
    },
  },
});

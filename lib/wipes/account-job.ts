import { z } from "zod";
import { recordAuditRows } from "@/lib/audit/record";
import { defineJob, type TItemOutcome, type TJobContext, type TJobItem } from "@/lib/jobs/define";
import { ProviderDisabledError, ProviderHttpError } from "@/lib/providers/errors";
import { temporaryFailure } from "@/lib/jobs/temporary";
import { mapLimit } from "@/lib/sync/concurrency";
import { purgeExecutions } from "./purge";

export const WIPE_ACCOUNT_JOB = "pii.wipe_account";

export const ZWipeAccountPayloadSchema = z.object({ accountId: z.uuid(), reason: z.string().min(1).max(500) });
export type TWipeAccountPayload = z.output<typeof ZWipeAccountPayloadSchema>;

type TCtx = TJobContext<TWipeAccountPayload>;

// One J9 covers the whole account; its items are the account's executions as we hold them, so the job
// shows how many of them are purged here. J9 is repeatable (contract §0.4), so each chunk asks again:
// a chunk never depends on another having been sent.
const CHUNK = 50;

function jumio(ctx: TCtx) {
  const client = ctx.clients.jumio;
  if (!client) throw new ProviderDisabledError("jumio");
  return client;
}

async function send(ctx: TCtx, items: TJobItem[]): Promise<TItemOutcome[]> {
  try {
    await jumio(ctx).deleteAccount(ctx.payload.accountId);
  } catch (error) {
    // 404: Jumio holds no such account, so it holds nothing of this person to delete.
    if (!(error instanceof ProviderHttpError && error.status === 404)) {
      const wait = temporaryFailure(error);
      if (wait) throw wait;
      const status = error instanceof ProviderHttpError ? String(error.status) : null;
      const message = error instanceof Error ? error.message : String(error);
      return items.map((i) => ({ seq: i.seq, state: "FAILED" as const, code: status, message: `Jumio refused the account delete: ${message}`.slice(0, 500) }));
    }
  }
  return items.map((i) => ({ seq: i.seq, state: "DONE" as const, message: null }));
}

/** A chunk a dead worker had sent: an execution Jumio shows wiped (or no longer has) is settled; the rest goes again. */
async function reconcile(ctx: TCtx, items: TJobItem[]) {
  const client = jumio(ctx);
  const read = await mapLimit(items, 4, async (item) => {
    try {
      const record = await client.getExecution(ctx.payload.accountId, item.subjectId);
      return { item, wiped: record.wipedOutAt != null };
    } catch (error) {
      if (error instanceof ProviderHttpError && error.status === 404) return { item, wiped: true };
      throw temporaryFailure(error) ?? error;
    }
  });
  return {
    settled: read.filter((r) => r.wiped).map((r): TItemOutcome => ({ seq: r.item.seq, state: "DONE", message: null })),
    resend: read.filter((r) => !r.wiped).map((r) => r.item.seq),
  };
}

export const wipeAccountJob = defineJob<TWipeAccountPayload>({
  kind: WIPE_ACCOUNT_JOB,
  payload: ZWipeAccountPayloadSchema,
  approvers: ["ADMIN"],
  requestPermission: "pii.wipe",
  async retry(ctx, job, failedSubjectIds) {
    // The request path is the web app's; the worker only runs the handlers below.
    const { requestAccountWipe } = await import("./account");
    return requestAccountWipe(ctx, { accountId: job.payload.accountId, confirmation: "WIPE ALL", reason: job.payload.reason }, { retryOfId: job.id, only: failedSubjectIds });
  },
  items: {
    chunkSize: CHUNK,
    concurrency: () => 1,
    send,
    reconcile,
    async commit(ctx, client, items, outcomes) {
      const itemOf = new Map(items.map((i) => [i.seq, i]));
      const done = outcomes.filter((o) => o.state === "DONE").map((o) => itemOf.get(o.seq)!.subjectId);
      await purgeExecutions(client, done.map((id) => ({ provider: "JUMIO", id })), new Date());
      await recordAuditRows(
        client,
        outcomes.map((o) => ({
          actor: ctx.actor,
          request: ctx.request,
          action: "pii.wipe_execution",
          outcome: o.state === "DONE" ? "SUCCESS" : "FAILED",
          target: { type: "execution", id: itemOf.get(o.seq)!.subjectId },
          details: {
            reason: ctx.payload.reason, provider: "JUMIO", accountId: ctx.payload.accountId, jobId: ctx.job.id, upstream: "J9",
            ...(o.state === "DONE" ? {} : { code: "code" in o ? o.code : null, error: o.message }),
          },
        })),
      );
    },
  },
});

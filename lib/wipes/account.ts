import "server-only";
import { getPool } from "@/lib/db";
import { inTransaction } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { recordAuditRows } from "@/lib/audit/record";
import type { TActionContext } from "@/lib/actions/safe-action";
import { insertJob } from "@/lib/jobs/records";
import { WIPE_ACCOUNT_JOB, type TWipeAccountPayload } from "./account-job";
import type { TWipeAccountInput } from "./schemas";

/**
 * Asks for the wipe of every execution of one Jumio account (one end user): a job over the account's
 * executions as we hold them now, run by the worker (J9, then the local purge chunk by chunk). Only an
 * admin asks, and the typed confirmation is the four eyes' stand-in: it never waits for approval.
 */
export async function requestAccountWipe(ctx: TActionContext, input: TWipeAccountInput, options: { retryOfId?: string; only?: string[] } = {}): Promise<{ jobId: string; total: number }> {
  const executions = await ctx.db.execution.findMany({
    where: { provider: "JUMIO", accountId: input.accountId, ...(options.only ? { id: { in: options.only } } : {}) },
    select: { id: true, wipedOutAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (executions.length === 0) throw new AppError("NOT_FOUND", "No Jumio execution of that account is held here.");
  const payload: TWipeAccountPayload = { accountId: input.accountId, reason: input.reason };
  const jobId = await inTransaction(getPool(), async (client) => {
    const id = await insertJob(client, {
      kind: WIPE_ACCOUNT_JOB,
      title: `Wipe ${executions.length} ${executions.length === 1 ? "execution" : "executions"} of Jumio account ${input.accountId.slice(0, 8)}…`,
      payload,
      requester: { id: ctx.user.id, email: ctx.user.email, role: ctx.user.role },
      request: ctx.request,
      awaitingApproval: false,
      retryOfId: options.retryOfId ?? null,
      // `before` holds the provider, as for every job over executions (the items list shows it so).
      items: executions.map((e) => ({ subjectId: e.id, before: "JUMIO" })),
    });
    await recordAuditRows(client, [
      ctx.audit({ action: "pii.wipe_account", outcome: "SUCCESS", target: { type: "job", id }, details: { accountId: input.accountId, executions: executions.length, reason: input.reason, ...(options.retryOfId ? { retryOf: options.retryOfId } : {}) } }),
      ...(options.retryOfId ? [ctx.audit({ action: "job.retry", outcome: "SUCCESS", target: { type: "job", id }, details: { retryOf: options.retryOfId, total: executions.length } })] : []),
    ]);
    return id;
  });
  return { jobId, total: executions.length };
}

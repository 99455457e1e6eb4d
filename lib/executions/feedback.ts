import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { TActionContext } from "@/lib/actions/safe-action";
import { getProviderClients, type TProviderClients } from "@/lib/providers";
import { toAppError } from "@/lib/providers/app-error";
import { FEEDBACK_REASONS, FEEDBACK_STATUSES } from "@/lib/providers/jumio/schemas";

// Which reasons go with which status (contract §2.5): FRAUD needs one of the fraud reasons; NOT_FRAUD
// and NA carry none. The form offers exactly these pairs and the server accepts nothing else.
export const FRAUD_REASONS = FEEDBACK_REASONS.filter((r) => r !== "NA");

export const ZSetFeedbackSchema = z
  .object({
    executionId: z.string().min(1).max(200),
    status: z.enum(FEEDBACK_STATUSES),
    reason: z.enum(FEEDBACK_REASONS).optional(),
  })
  .refine((f) => (f.status === "FRAUD" ? f.reason !== undefined && f.reason !== "NA" : f.reason === undefined), {
    message: "FRAUD needs a fraud reason; NOT_FRAUD and NA take none.",
    path: ["reason"],
  });
export type TSetFeedbackInput = z.output<typeof ZSetFeedbackSchema>;

/**
 * Sets a Jumio execution's fraud feedback: Jumio first (J10, last write wins there); on success the
 * local copy, a history row (from -> to) and the audit event in one transaction. On a refusal nothing
 * local changes and the provider's words are shown.
 */
export async function setExecutionFeedback(ctx: TActionContext, input: TSetFeedbackInput, clients: TProviderClients = getProviderClients()) {
  const execution = await ctx.db.execution.findUnique({
    where: { provider_id: { provider: "JUMIO", id: input.executionId } },
    select: { id: true, accountId: true, feedbackStatus: true, feedbackReason: true },
  });
  if (!execution) throw new AppError("NOT_FOUND", "No Jumio execution has that id (fraud feedback is Jumio's).");
  if (!execution.accountId) throw new AppError("CONFLICT", "This execution has no Jumio account on record; sync it first.");
  const jumio = clients.jumio;
  if (!jumio) throw new AppError("UPSTREAM_UNAVAILABLE", "Jumio is not configured here.");
  const to = { status: input.status, reason: input.reason ?? null };
  const target = { type: "execution" as const, id: execution.id };
  try {
    await jumio.setFeedback(execution.accountId, execution.id, input.reason ? { status: input.status, reason: input.reason } : { status: input.status });
  } catch (error) {
    const mapped = toAppError(error, "This execution");
    await recordAudit(ctx.db, ctx.audit({ action: "execution.feedback", outcome: "FAILED", target, details: { to, error: mapped?.message ?? "failed" } }));
    throw mapped ?? error;
  }
  await ctx.db.$transaction(async (tx) => {
    await tx.execution.update({ where: { provider_id: { provider: "JUMIO", id: execution.id } }, data: { feedbackStatus: to.status, feedbackReason: to.reason } });
    await tx.executionFeedback.create({
      data: {
        provider: "JUMIO", executionId: execution.id, actorId: ctx.user.id, actorEmail: ctx.user.email,
        fromStatus: execution.feedbackStatus, fromReason: execution.feedbackReason, toStatus: to.status, toReason: to.reason,
      },
    });
    await recordAudit(tx, ctx.audit({ action: "execution.feedback", outcome: "SUCCESS", target, details: { from: { status: execution.feedbackStatus, reason: execution.feedbackReason }, to } }));
  });
  return to;
}

/** The feedback set from here on one execution, newest first. */
export function findFeedbackHistory(executionId: string) {
  return getDb().executionFeedback.findMany({
    where: { provider: "JUMIO", executionId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, actorEmail: true, fromStatus: true, fromReason: true, toStatus: true, toReason: true, createdAt: true, actor: { select: { name: true } } },
  });
}

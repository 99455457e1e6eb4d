import "server-only";
import { getPool } from "@/lib/db";
import { inTransaction } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { recordAudit, recordAuditRows } from "@/lib/audit/record";
import type { TActionContext } from "@/lib/actions/safe-action";
import { getProviderClients, type TProviderClients } from "@/lib/providers";
import { purgeExecutions, purgeProfile, type TExecutionKey } from "./purge";
import type { TWipeExecutionInput, TWipeProfileInput } from "./schemas";
import { deleteAtJumio } from "./upstream";

// A wipe of one profile or one execution, in the order every write follows: authorised (the action),
// validated (the schema, confirmation included), upstream first, then the local purge with its audit
// rows in one transaction. When upstream fails nothing local changes; the refusal is on record.
// Audit details hold ids, counts and the admin's reason, never the person's data.

type TWiped = { wipedAt: Date; executions: number };

async function failed(ctx: TActionContext, action: "pii.wipe_profile" | "pii.wipe_execution", target: { type: "profile" | "execution"; id: string }, reason: string, error: unknown) {
  const message = error instanceof AppError ? error.message : "failed";
  await recordAudit(ctx.db, ctx.audit({ action, outcome: "FAILED", target, details: { reason, error: message } }));
}

/**
 * A profile's personal data: J8 for each of the person's Jumio executions, then the local purge of the
 * profile and of all the person's executions (TrustX has no delete in the contract: its copies here go,
 * TrustX keeps its own). Trulioo has no delete in the contract either: its copy stays there.
 */
export async function wipeProfile(ctx: TActionContext, input: TWipeProfileInput, clients: TProviderClients = getProviderClients()): Promise<TWiped> {
  const profile = await ctx.db.profile.findUnique({ where: { id: input.profileId }, select: { id: true, piiWipedAt: true } });
  if (!profile) throw new AppError("NOT_FOUND", "That profile does not exist.");
  if (profile.piiWipedAt) throw new AppError("CONFLICT", "This profile's personal data is already wiped.");
  const executions = await ctx.db.execution.findMany({
    where: { OR: [{ profileId: profile.id }, { customerReference: profile.id }] },
    select: { provider: true, id: true, accountId: true, wipedOutAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const target = { type: "profile" as const, id: profile.id };
  try {
    await deleteAtJumio(clients, executions.filter((e) => e.provider === "JUMIO"));
  } catch (error) {
    await failed(ctx, "pii.wipe_profile", target, input.reason, error);
    throw error;
  }
  const at = new Date();
  const keys: TExecutionKey[] = executions.map((e) => ({ provider: e.provider, id: e.id }));
  await inTransaction(getPool(), async (client) => {
    const purged = await purgeExecutions(client, keys, at);
    const counts = await purgeProfile(client, profile.id, at);
    const jumio = executions.filter((e) => e.provider === "JUMIO").length;
    await recordAuditRows(client, [
      ctx.audit({
        action: "pii.wipe_profile", outcome: "SUCCESS", target,
        details: { reason: input.reason, jumioExecutions: jumio, trustxExecutions: purged - jumio, caseNotesRedacted: counts.caseNotesRedacted, syncErrorsScrubbed: counts.syncErrors, webhookEventsScrubbed: counts.webhookEvents },
      }),
      ...executions.map((e) => ctx.audit({
        action: "pii.wipe_execution", outcome: "SUCCESS", target: { type: "execution", id: e.id },
        details: { reason: input.reason, provider: e.provider, profileId: profile.id, upstream: e.provider === "JUMIO" ? "J8" : "none" },
      })),
    ]);
  });
  return { wipedAt: at, executions: executions.length };
}

/** One execution: J8 at Jumio (TrustX has no delete: only our copy goes), then its local purge. */
export async function wipeExecution(ctx: TActionContext, input: TWipeExecutionInput, clients: TProviderClients = getProviderClients()): Promise<TWiped> {
  const found = await ctx.db.execution.findMany({ where: { id: input.executionId }, select: { provider: true, id: true, accountId: true, profileId: true, wipedOutAt: true } });
  if (found.length === 0) throw new AppError("NOT_FOUND", "No execution has that id.");
  if (found.length > 1) throw new AppError("CONFLICT", "Both Jumio and TrustX have an execution with that id; wipe it from its provider's page.");
  const execution = found[0]!;
  if (execution.wipedOutAt) throw new AppError("CONFLICT", "This execution's personal data is already wiped.");
  const target = { type: "execution" as const, id: execution.id };
  try {
    if (execution.provider === "JUMIO") await deleteAtJumio(clients, [execution]);
  } catch (error) {
    await failed(ctx, "pii.wipe_execution", target, input.reason, error);
    throw error;
  }
  const at = new Date();
  await inTransaction(getPool(), async (client) => {
    await purgeExecutions(client, [{ provider: execution.provider, id: execution.id }], at);
    await recordAuditRows(client, [
      ctx.audit({
        action: "pii.wipe_execution", outcome: "SUCCESS", target,
        details: { reason: input.reason, provider: execution.provider, profileId: execution.profileId, upstream: execution.provider === "JUMIO" ? "J8" : "none" },
      }),
    ]);
  });
  return { wipedAt: at, executions: 1 };
}

import "server-only";
import { z } from "zod";
import { getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { TActionContext } from "@/lib/actions/safe-action";
import { getProviderClients, type TProviderClients } from "@/lib/providers";
import { toAppError } from "@/lib/providers/app-error";
import { ProviderHttpError, ProviderResponseError } from "@/lib/providers/errors";
import { SyncContext } from "@/lib/sync/context";
import { mapProfile } from "@/lib/sync/map-profile";
import { writeProfiles } from "@/lib/sync/write-profiles";

export const ZRefreshProfileSchema = z.object({ profileId: z.uuid() });

export type TRefreshResult = { result: "updated" | "unchanged"; status: string; lastModified: Date; syncedAt: Date };

/**
 * Re-reads one end client from Trulioo now and writes it through the sync's own mapping and write
 * (the same checks: a stale read never replaces a newer copy). Trulioo's answer is the truth: a client
 * gone upstream or a record that breaks the contract leaves the local copy as it was and says so.
 * The write is the sync's, not a change of the user's; the audit row records who asked and what came
 * of it, after the write, so a refused read is on record too.
 */
export async function refreshProfile(ctx: TActionContext, input: z.output<typeof ZRefreshProfileSchema>, clients: TProviderClients = getProviderClients()): Promise<TRefreshResult> {
  const id = input.profileId;
  const local = await ctx.db.profile.findUnique({ where: { id }, select: { id: true, piiWipedAt: true } });
  if (!local) throw new AppError("NOT_FOUND", "That profile does not exist.");
  const audit = (outcome: "SUCCESS" | "FAILED", details: Record<string, unknown>) =>
    recordAudit(ctx.db, ctx.audit({ action: "profile.refresh", outcome, target: { type: "profile", id }, details }));
  // Reading a wiped person back would only bring their data into this process to be thrown away (the
  // writers keep the tombstone); the sync still follows their status.
  if (local.piiWipedAt) {
    await audit("FAILED", { reason: "PII wiped" });
    throw new AppError("GONE", "This person's data was wiped here; there is nothing to re-read from Trulioo.");
  }

  const trulioo = clients.trulioo;
  if (!trulioo) {
    await audit("FAILED", { reason: "Trulioo is not configured" });
    throw new AppError("UPSTREAM_UNAVAILABLE", "Trulioo is not configured here.");
  }
  const sync = new SyncContext({ db: ctx.db, pool: getPool(), clients, kind: "INCREMENTAL" });
  let rows: ReturnType<typeof mapProfile>;
  try {
    const { client, raw, rawBytes } = await trulioo.getClient(id, { fullServiceDetails: true });
    rows = mapProfile(client, raw, rawBytes);
  } catch (error) {
    if (error instanceof ProviderResponseError) {
      // Kept with the sync's own errors, payload included, for whoever looks into the contract break.
      await sync.recordError("trulioo.client", id, error.message, { issues: error.issues, raw: error.raw });
      await audit("FAILED", { reason: "record breaks the contract" });
      throw new AppError("UPSTREAM_ERROR", "Trulioo sent a record we could not read; the local copy is unchanged. It is listed with the sync errors.");
    }
    if (error instanceof ProviderHttpError && error.status === 404) {
      await audit("FAILED", { reason: "not found at Trulioo" });
      throw new AppError("NOT_FOUND", "Trulioo no longer has this client; the local copy is kept as it was.");
    }
    const mapped = toAppError(error, "This client");
    await audit("FAILED", { reason: mapped?.message ?? "read failed" });
    throw mapped ?? error;
  }
  const counts = await writeProfiles(sync.pool, [rows]);
  const result = counts.unchanged > 0 ? "unchanged" : "updated";
  // Unchanged means confirmed equal to Trulioo just now: the copy's freshness says so.
  const after = await ctx.db.profile.update({ where: { id }, data: { syncedAt: new Date() }, select: { status: true, lastModified: true, syncedAt: true } });
  await audit("SUCCESS", { result });
  return { result, ...after };
}

import "server-only";
import { z } from "zod";
import { getPool } from "@/lib/db";
import { inTransaction } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { recordAudit, recordAuditRows } from "@/lib/audit/record";
import type { TActionContext } from "@/lib/actions/safe-action";
import { getProviderClients, type TProviderClients } from "@/lib/providers";
import { toAppError } from "@/lib/providers/app-error";
import { LINK_TYPES } from "@/lib/providers/trulioo/schemas";

export const ZLinkProfilesSchema = z
  .object({ fromId: z.uuid(), toId: z.uuid("Pick the other client."), type: z.enum(LINK_TYPES) })
  .refine((v) => v.fromId !== v.toId, { message: "A client cannot be linked to itself.", path: ["toId"] });
export const ZUnlinkProfilesSchema = z.object({ fromId: z.uuid(), toId: z.uuid() });

// Trulioo's words for its link codes are terse ("Create linked leads invalid request"): say what they mean here.
const LINK_REFUSALS: Record<number, string> = {
  4100: "Trulioo 4100: Trulioo does not know one of these clients.",
  4105: "Trulioo 4105: these clients are already linked, or the link is not valid.",
  4106: "Trulioo 4106: these clients are not linked at Trulioo.",
};

function refusal(error: unknown): AppError | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "number" && LINK_REFUSALS[code]) return new AppError(code === 4100 ? "NOT_FOUND" : "CONFLICT", LINK_REFUSALS[code]);
  return toAppError(error, "This client");
}

async function requireBoth(ctx: TActionContext, ids: string[]) {
  const found = await ctx.db.profile.findMany({ where: { id: { in: ids } }, select: { id: true } });
  if (found.length !== new Set(ids).size) throw new AppError("NOT_FOUND", "One of these clients is not in the local copy.");
}

/**
 * Links two end clients: Trulioo first (P2, stored as sent); on success the link, both profiles' link
 * counts and an audit row on each side in one transaction. A refusal changes nothing and says why.
 */
export async function linkProfiles(ctx: TActionContext, input: z.output<typeof ZLinkProfilesSchema>, clients: TProviderClients = getProviderClients()) {
  await requireBoth(ctx, [input.fromId, input.toId]);
  const trulioo = clients.trulioo;
  if (!trulioo) throw new AppError("UPSTREAM_UNAVAILABLE", "Trulioo is not configured here.");
  const details = { from: input.fromId, to: input.toId, type: input.type };
  try {
    await trulioo.link(input.fromId, input.toId, input.type);
  } catch (error) {
    const mapped = refusal(error);
    await recordAudit(ctx.db, ctx.audit({ action: "profile.link", outcome: "FAILED", target: { type: "profile", id: input.fromId }, details: { ...details, error: mapped?.message ?? "failed" } }));
    throw mapped ?? error;
  }
  await inTransaction(getPool(), async (client) => {
    // One link per unordered pair upstream: whatever we held for the pair is replaced by what Trulioo took.
    await client.query("DELETE FROM profile_links WHERE (from_id = $1::uuid AND to_id = $2::uuid) OR (from_id = $2::uuid AND to_id = $1::uuid)", [input.fromId, input.toId]);
    await client.query("INSERT INTO profile_links (from_id, to_id, type) VALUES ($1::uuid, $2::uuid, $3)", [input.fromId, input.toId, input.type]);
    await client.query("SELECT public.refresh_profile_facets($1::uuid[])", [[input.fromId, input.toId]]);
    await recordAuditRows(client, [input.fromId, input.toId].map((id) => ctx.audit({ action: "profile.link", outcome: "SUCCESS", target: { type: "profile", id }, details })));
  });
  return details;
}

/** Unlinks two end clients: Trulioo first (P3), then the local link, counts and audit rows together. */
export async function unlinkProfiles(ctx: TActionContext, input: z.output<typeof ZUnlinkProfilesSchema>, clients: TProviderClients = getProviderClients()) {
  await requireBoth(ctx, [input.fromId, input.toId]);
  const trulioo = clients.trulioo;
  if (!trulioo) throw new AppError("UPSTREAM_UNAVAILABLE", "Trulioo is not configured here.");
  // Trulioo names the pair as it was sent: the stored direction, whichever page this came from.
  const { rows } = await getPool().query<{ from_id: string; to_id: string; type: string }>(
    "SELECT from_id::text, to_id::text, type FROM profile_links WHERE (from_id = $1::uuid AND to_id = $2::uuid) OR (from_id = $2::uuid AND to_id = $1::uuid)",
    [input.fromId, input.toId],
  );
  const stored = rows[0] ?? { from_id: input.fromId, to_id: input.toId, type: null };
  const details = { from: stored.from_id, to: stored.to_id, type: stored.type };
  try {
    await trulioo.unlink(stored.from_id, stored.to_id);
  } catch (error) {
    const mapped = refusal(error);
    await recordAudit(ctx.db, ctx.audit({ action: "profile.unlink", outcome: "FAILED", target: { type: "profile", id: input.fromId }, details: { ...details, error: mapped?.message ?? "failed" } }));
    throw mapped ?? error;
  }
  await inTransaction(getPool(), async (client) => {
    await client.query("DELETE FROM profile_links WHERE (from_id = $1::uuid AND to_id = $2::uuid) OR (from_id = $2::uuid AND to_id = $1::uuid)", [input.fromId, input.toId]);
    await client.query("SELECT public.refresh_profile_facets($1::uuid[])", [[input.fromId, input.toId]]);
    await recordAuditRows(client, [input.fromId, input.toId].map((id) => ctx.audit({ action: "profile.unlink", outcome: "SUCCESS", target: { type: "profile", id }, details })));
  });
  return details;
}

import "server-only";
import { z } from "zod";
import { getPool } from "@/lib/db";
import { inTransaction } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import type { TActionContext } from "@/lib/actions/safe-action";
import { PROFILE_STATUS_LABELS } from "@/lib/profiles/list-shape";
import { getProviderClients, type TProviderClients } from "@/lib/providers";
import { toAppError } from "@/lib/providers/app-error";
import { ProviderDisabledError, ProviderHttpError } from "@/lib/providers/errors";
import { STATUS_TARGETS } from "@/lib/providers/trulioo/schemas";
import { applyConfirmedStatuses, type TStatusOutcome } from "./apply";
import { checkTransition, reasonRequired } from "./transitions";

export const ZChangeStatusSchema = z
  .object({ profileId: z.uuid(), status: z.enum(STATUS_TARGETS), reason: z.string().trim().max(500).optional() })
  .refine((v) => !reasonRequired(v.status) || Boolean(v.reason), { message: "Give a reason for rejecting.", path: ["reason"] });

export type TChangeStatusResult = { from: string; to: string };

const label = (status: string) => PROFILE_STATUS_LABELS[status] ?? status;

/**
 * Sets one profile's status (P1). Trulioo is asked first and is the truth: only what it confirmed
 * reaches the local copy, together with its audit row, in one transaction. A refusal (by the rules,
 * before anything is sent, or by Trulioo) changes nothing local, is audited as FAILED and comes back
 * in words, Trulioo's code included.
 */
export async function changeProfileStatus(
  ctx: TActionContext,
  input: z.output<typeof ZChangeStatusSchema>,
  clients: TProviderClients = getProviderClients(),
): Promise<TChangeStatusResult> {
  const pool = getPool();
  const { rows } = await pool.query<{ status: string; wiped: boolean }>("SELECT status, pii_wiped_at IS NOT NULL AS wiped FROM profiles WHERE id = $1::uuid", [input.profileId]);
  const local = rows[0];
  if (!local) throw new AppError("NOT_FOUND", "That profile does not exist.");
  const change = { to: input.status, reason: input.reason || null, jobId: null, actor: ctx.actor, request: ctx.request };
  const refuse = async (code: string | null, message: string) => {
    const outcome: TStatusOutcome = { profileId: input.profileId, from: local.status, result: { ok: false, code, message } };
    // Its own transaction: the refusal stays on record whatever the caller does next.
    await inTransaction(pool, (client) => applyConfirmedStatuses(client, change, [outcome]));
  };

  if (local.wiped) {
    const message = "This profile's personal data was wiped; its status can no longer be changed.";
    await refuse("wiped", message);
    throw new AppError("CONFLICT", message);
  }
  const check = checkTransition(local.status, input.status);
  if (!check.ok || check.noop) {
    const message = check.ok ? `This profile is already ${label(input.status)}.` : check.reason;
    await refuse("rules", message);
    throw new AppError("CONFLICT", message);
  }

  let failure: unknown = null;
  try {
    if (!clients.trulioo) throw new ProviderDisabledError("trulioo");
    const result = await clients.trulioo.updateStatuses([input.profileId], input.status);
    failure = result.failed[0]?.error ?? null;
  } catch (error) {
    failure = error;
  }
  if (failure !== null) {
    const mapped = toAppError(failure, "This profile");
    const code = failure instanceof ProviderHttpError ? String(failure.code !== null && failure.code >= 1000 ? failure.code : failure.status) : null;
    await refuse(code, mapped?.message ?? (failure instanceof Error ? failure.message : "failed"));
    if (!mapped) throw failure;
    // Our rules let it through, so our copy and Trulioo disagree: say so, and how to see Trulioo's.
    if (code === "4111") throw new AppError(mapped.code, `${mapped.message} Our copy may be out of date: refresh it from Trulioo and try again.`, mapped.details);
    throw mapped;
  }

  await inTransaction(pool, (client) => applyConfirmedStatuses(client, change, [{ profileId: input.profileId, from: local.status, result: { ok: true } }]));
  return { from: local.status, to: input.status };
}

import "server-only";
import { z } from "zod";
import { getPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordRecordView } from "@/lib/audit/views";
import type { TCurrentUser } from "@/lib/auth/session";

const ZServiceRefSchema = z.object({
  profileId: z.uuid(),
  flowId: z.string().min(1).max(200),
  position: z.coerce.number().int().min(0).max(100_000),
});

/**
 * One service result's fullServiceDetails, as Trulioo sent it: read from the stored record on demand,
 * so the case page stays light however large the details are. The JSON text goes out as the database
 * holds it, never parsed here. Reading it is looking at the profile: it counts as a view.
 */
export async function serviceDetailsResponse(user: TCurrentUser, params: Record<string, string>): Promise<Response> {
  const parsed = ZServiceRefSchema.safeParse(params);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "That is not a service result of a profile.");
  const stored = await readServiceDetails(parsed.data);
  if (!stored) throw new AppError("NOT_FOUND", "No such service result.");
  if (stored.wiped) throw new AppError("GONE", "This person's data was wiped.");
  await recordRecordView(user, { type: "profile", id: parsed.data.profileId });
  return new Response(stored.details ?? "null", { status: 200, headers: { "Content-Type": "application/json; charset=utf-8" } });
}

/** The stored details as JSON text (null when Trulioo sent none); null when there is no such result. */
export async function readServiceDetails(ref: z.output<typeof ZServiceRefSchema>): Promise<{ wiped: boolean; details: string | null } | null> {
  const { rows } = await getPool().query<{ wiped: boolean; found: boolean; details: string | null }>(
    `SELECT pii_wiped_at IS NOT NULL AS wiped,
            raw #> ARRAY['flowData', $2, 'serviceData', $3] IS NOT NULL AS found,
            (raw #> ARRAY['flowData', $2, 'serviceData', $3, 'fullServiceDetails'])::text AS details
       FROM profiles WHERE id = $1::uuid`,
    [ref.profileId, ref.flowId, String(ref.position)],
  );
  const row = rows[0];
  // A wiped profile's raw record is gone, so "found" can no longer be told: the tombstone answers.
  if (row?.wiped) return { wiped: true, details: null };
  return row?.found ? { wiped: row.wiped, details: row.details } : null;
}

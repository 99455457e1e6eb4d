import type pg from "pg";
import { recordAuditRows } from "@/lib/audit/record";
import type { TAuditActor, TRequestContext } from "@/lib/audit/schemas";
import type { TStatusTarget } from "./transitions";

export type TStatusOutcome = {
  profileId: string;
  /** The status before, as the local copy had it. */
  from: string | null;
  /** Trulioo's answer: applied (or already so), or refused with its code and words. */
  result: { ok: true } | { ok: false; code: string | null; message: string };
};

/**
 * What Trulioo confirmed, applied to the local copy in the caller's transaction: the new status, one
 * audit row per profile (refusals too, with Trulioo's code), and a note that the MANUALLY_* webhook
 * echoing each real change is ours (lib/webhooks/echoes.ts), so it costs no re-read.
 */
export async function applyConfirmedStatuses(
  client: pg.PoolClient,
  change: { to: TStatusTarget; reason: string | null; jobId: string | null; actor: TAuditActor; request: TRequestContext },
  outcomes: TStatusOutcome[],
): Promise<void> {
  const applied = outcomes.filter((o) => o.result.ok);
  const changed = applied.filter((o) => o.from !== change.to).map((o) => o.profileId);
  if (applied.length) {
    await client.query(
      "UPDATE profiles SET status = $2, status_manually_changed = true WHERE id = ANY($1::uuid[]) AND status IS DISTINCT FROM $2",
      [applied.map((o) => o.profileId), change.to],
    );
  }
  if (changed.length) {
    await client.query(
      `INSERT INTO local_changes (source, subject_id, event_type, expected, expires_at)
       SELECT 'trulioo', id, $2, jsonb_build_object('status', $3::text), now() + interval '10 minutes' FROM unnest($1::text[]) AS id`,
      [changed, `MANUALLY_${change.to}`, change.to],
    );
  }
  await recordAuditRows(
    client,
    outcomes.map((o) => ({
      actor: change.actor,
      request: change.request,
      action: "profile.status_change",
      outcome: o.result.ok ? "SUCCESS" : "FAILED",
      target: { type: "profile", id: o.profileId },
      details: {
        from: o.from,
        to: change.to,
        ...(change.reason ? { reason: change.reason } : {}),
        ...(change.jobId ? { jobId: change.jobId } : {}),
        ...(o.result.ok ? (o.from === change.to ? { noop: true } : {}) : { code: o.result.code, error: o.result.message }),
      },
    })),
  );
}

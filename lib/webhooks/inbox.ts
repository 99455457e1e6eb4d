import "server-only";
import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db";
import { QUEUES, type TWebhookJob } from "@/lib/jobs/boss";

export type TInboxEvent = {
  source: "trulioo" | "jumio";
  dedupeKey: string;
  type: string;
  subjectId: string | null;
  payload: unknown;
  /** Stored but not processed (unknown type, test flow). */
  ignore?: boolean;
};

/**
 * Stores an event once (a replay with the same key is acknowledged, not stored again) and hands new
 * ones to the worker. Returns whether the event was new.
 */
export async function acceptEvent(db: Db, boss: PgBoss, event: TInboxEvent): Promise<{ stored: boolean; id: string | null }> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO webhook_events (source, dedupe_key, type, subject_id, payload, state)
    VALUES (${event.source}, ${event.dedupeKey}, ${event.type}, ${event.subjectId}, ${JSON.stringify(event.payload)}::jsonb,
      ${event.ignore ? "IGNORED" : "RECEIVED"}::"WebhookState")
    ON CONFLICT (source, dedupe_key) DO NOTHING
    RETURNING id`;
  const id = rows[0]?.id?.toString() ?? null;
  if (id && !event.ignore) await boss.send(QUEUES.webhook, { eventId: id } satisfies TWebhookJob);
  return { stored: id !== null, id };
}

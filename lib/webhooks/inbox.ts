import "server-only";
import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db";
import { QUEUES, type TWebhookJob } from "@/lib/jobs/boss";
import { stringifyWithoutSecrets } from "./redact";

export type TInboxEvent = {
  source: "trulioo" | "jumio";
  dedupeKey: string;
  type: string;
  subjectId: string | null;
  /** Stored without its secrets (verification tokens, signatures): they were checked on receipt. */
  payload: unknown;
  /** Stored but not processed (unknown type, test flow). */
  ignore?: boolean;
};

/** One job per event: its id is derived from the event's, so a second hand-over of the same event is a no-op. */
function jobIdFor(eventId: bigint): string {
  return `00000000-0000-4000-8000-${eventId.toString(16).padStart(12, "0")}`;
}

/**
 * Stores an event once (a replay with the same key is acknowledged, not stored again) and hands it to
 * the worker. A replay of an event still waiting (its first hand-over may have failed) hands it over
 * again; a job id derived from the event keeps that to one job per event. Returns whether it was new.
 */
export async function acceptEvent(db: Db, boss: PgBoss, event: TInboxEvent): Promise<{ stored: boolean; id: string | null }> {
  const rows = await db.$queryRaw<{ id: bigint; inserted: boolean }[]>`
    INSERT INTO webhook_events (source, dedupe_key, type, subject_id, payload, state)
    VALUES (${event.source}, ${event.dedupeKey}, ${event.type}, ${event.subjectId}, ${stringifyWithoutSecrets(event.payload)}::jsonb,
      ${event.ignore ? "IGNORED" : "RECEIVED"}::"WebhookState")
    ON CONFLICT (source, dedupe_key) DO UPDATE SET dedupe_key = EXCLUDED.dedupe_key WHERE webhook_events.state = 'RECEIVED'
    RETURNING id, (xmax = 0) AS inserted`;
  const row = rows[0];
  const id = row?.id.toString() ?? null;
  if (id && !event.ignore) {
    await boss.send(QUEUES.webhook, { eventId: id } satisfies TWebhookJob, { id: jobIdFor(row!.id) });
  }
  return { stored: row?.inserted ?? false, id };
}

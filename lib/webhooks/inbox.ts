import "server-only";
import type pg from "pg";
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

type Queryable = Pick<pg.Pool, "query">;

/** The channel a worker listens on to drain the inbox as soon as something arrives. */
export const INBOX_CHANNEL = "webhook_inbox";

/** Operators' changes arrive in storms (a bulk status change is one event per client); they wait in lane 1. */
export function laneOf(source: TInboxEvent["source"], type: string): 0 | 1 {
  return source === "trulioo" && /^(MANUALLY_|NOTE_|TASK_)/.test(type) ? 1 : 0;
}

/**
 * Stores an event once: a replay with the same key is acknowledged, not stored again. One statement
 * straight on the pool, no queue round trip, so receiving stays cheap in a storm; the NOTIFY (delivered on commit, folded per
 * transaction) wakes a draining worker at once. Returns whether it was new.
 */
export async function acceptEvent(db: Queryable, event: TInboxEvent): Promise<{ stored: boolean; id: string | null }> {
  const state = event.ignore ? "IGNORED" : "RECEIVED";
  const { rows } = await db.query<{ id: string }>(
    `WITH stored AS (
       INSERT INTO webhook_events (source, dedupe_key, type, subject_id, payload, state, lane)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::"WebhookState", $7)
       ON CONFLICT (source, dedupe_key) DO NOTHING
       RETURNING id, state)
     SELECT id::text, CASE WHEN state = 'RECEIVED' THEN pg_notify($8, '')::text END AS notified FROM stored`,
    [event.source, event.dedupeKey, event.type, event.subjectId, stringifyWithoutSecrets(event.payload), state, laneOf(event.source, event.type), INBOX_CHANNEL],
  );
  const row = rows[0];
  return { stored: Boolean(row), id: row?.id ?? null };
}

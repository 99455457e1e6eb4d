import "server-only";
import type pg from "pg";
import { wipedPayloadSql } from "@/lib/wipes/tombstones";
import { stringifyWithoutSecrets } from "./redact";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

// One wake-up per burst, not one NOTIFY per event: a NOTIFY takes a lock at commit that serialises the
// committing transactions, and a woken drainer drains until the inbox is empty anyway. The NOTIFY goes
// out a moment after the first event of a burst; a drainer also polls, so a lost one costs a poll.
const NOTIFY_DELAY_MS = 20;
let notifyTimer: ReturnType<typeof setTimeout> | null = null;

function wakeDrainers(db: Queryable): void {
  if (notifyTimer) return;
  notifyTimer = setTimeout(() => {
    notifyTimer = null;
    void db.query("SELECT pg_notify($1, '')", [INBOX_CHANNEL]).catch(() => undefined);
  }, NOTIFY_DELAY_MS);
  notifyTimer.unref?.();
}

/**
 * Stores an event once: a replay with the same key is acknowledged, not stored again. One statement
 * straight on the pool, no queue round trip, so receiving stays cheap in a storm; a waiting event wakes
 * the draining workers (see wakeDrainers). Returns whether it was new.
 */
export async function acceptEvent(db: Queryable, event: TInboxEvent): Promise<{ stored: boolean; id: string | null }> {
  const state = event.ignore ? "IGNORED" : "RECEIVED";
  // An event about a person whose data was wiped keeps only its ids and type (Trulioo's step and service
  // data are form values): one primary-key probe, in the same statement.
  const wipedSubject = event.source === "trulioo" && event.subjectId && UUID.test(event.subjectId) ? event.subjectId : null;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO webhook_events (source, dedupe_key, type, subject_id, payload, state, lane)
     VALUES ($1, $2, $3, $4,
       CASE WHEN EXISTS (SELECT 1 FROM profiles WHERE id = $8::uuid AND pii_wiped_at IS NOT NULL) THEN ${wipedPayloadSql("$5::jsonb")} ELSE $5::jsonb END,
       $6::"WebhookState", $7)
     ON CONFLICT (source, dedupe_key) DO NOTHING
     RETURNING id::text`,
    [event.source, event.dedupeKey, event.type, event.subjectId, stringifyWithoutSecrets(event.payload), state, laneOf(event.source, event.type), wipedSubject],
  );
  const row = rows[0];
  if (row && !event.ignore) wakeDrainers(db);
  return { stored: Boolean(row), id: row?.id ?? null };
}

import type pg from "pg";
import type { Db, DbTransaction } from "@/lib/db";
import { inTransaction } from "@/lib/db/sql";
import { markEvents, type TClaimedEvent } from "./claims";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Notes a change this app has just made upstream and applied locally, in the transaction of that local
 * change: the webhook that echoes it back (`eventType`) then costs no re-read while the local copy
 * still shows `expected`. Unclaimed notes expire (default 10 minutes); the echo is then re-read as usual.
 */
export async function expectEcho(
  db: Db | DbTransaction,
  change: { source: "trulioo"; subjectId: string; eventType: string; expected: { status?: string }; ttlSeconds?: number },
): Promise<void> {
  await db.localChange.create({
    data: {
      source: change.source,
      subjectId: change.subjectId,
      eventType: change.eventType,
      expected: change.expected,
      expiresAt: new Date(Date.now() + (change.ttlSeconds ?? 600) * 1000),
    },
  });
}

type TGroup = { source: string; subjectId: string; events: TClaimedEvent[] };

/**
 * The groups of claimed events that are only echoes of our own changes: every event has a note of the
 * same type, and the local copy still shows what the note expects. Those events are marked PROCESSED
 * (outcome `echo`) and their notes used up, in one transaction.
 */
export async function takeEchoes(pool: pg.Pool, workerId: string, groups: TGroup[]): Promise<{ count: number; subjects: Set<string> }> {
  const candidates = groups.filter((g) => g.source === "trulioo" && UUID.test(g.subjectId));
  const subjects = new Set<string>();
  if (candidates.length === 0) return { count: 0, subjects };
  const ids = candidates.map((g) => g.subjectId);
  const [changes, profiles] = await Promise.all([
    pool.query<{ id: string; subject_id: string; event_type: string; expected: { status?: string } }>(
      `SELECT id::text, subject_id, event_type, expected FROM local_changes
       WHERE source = 'trulioo' AND subject_id = ANY($1::text[]) AND expires_at > now() ORDER BY id`,
      [ids],
    ),
    pool.query<{ id: string; status: string }>("SELECT id::text, status::text FROM profiles WHERE id = ANY($1::uuid[])", [ids]),
  ]);
  if (changes.rows.length === 0) return { count: 0, subjects };
  const statusOf = new Map(profiles.rows.map((p) => [p.id, p.status]));
  const used: string[] = [];
  const echoEvents: string[] = [];
  for (const group of candidates) {
    const notes = changes.rows.filter((c) => c.subject_id === group.subjectId);
    const take: string[] = [];
    const matched = group.events.every((event) => {
      const note = notes.find((n) => n.event_type === event.type && !take.includes(n.id));
      if (!note) return false;
      if (note.expected.status !== undefined && statusOf.get(group.subjectId) !== note.expected.status) return false;
      take.push(note.id);
      return true;
    });
    if (!matched) continue;
    used.push(...take);
    echoEvents.push(...group.events.map((e) => e.id));
    subjects.add(`${group.source}\u0000${group.subjectId}`);
  }
  if (echoEvents.length === 0) return { count: 0, subjects };
  const count = await inTransaction(pool, async (client) => {
    await client.query("DELETE FROM local_changes WHERE id = ANY($1::bigint[])", [used]);
    return markEvents(client, workerId, echoEvents, "PROCESSED", null, "echo");
  });
  return { count, subjects };
}

/** Notes nobody claimed in time. */
export async function pruneLocalChanges(pool: pg.Pool): Promise<void> {
  await pool.query("DELETE FROM local_changes WHERE expires_at < now()");
}

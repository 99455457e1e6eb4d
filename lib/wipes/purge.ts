import type pg from "pg";
import { executionTombstone, nameTokens, redact, wipedPayloadSql } from "./tombstones";

// The local half of a wipe, inside the caller's transaction (after upstream confirmed its delete): every
// copy of the person's data goes, the records stay as tombstones. Jumio's and TrustX's ids, statuses,
// decisions and times stay; so do our own rows that hold no personal data (audit, jobs, feedback history).

export type TExecutionKey = { provider: "JUMIO" | "TRUSTX"; id: string };

const PROFILE_CHILDREN = ["field_values", "profile_files", "service_results", "profile_notes", "profile_tasks"] as const;

/** Sync errors that name any of these ids keep their message and lose the payload (the record as read). */
async function scrubSyncErrors(client: pg.PoolClient, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { rowCount } = await client.query(
    `UPDATE sync_errors SET raw = NULL, issues = NULL
     WHERE (raw IS NOT NULL OR issues IS NOT NULL)
       AND (external_id = ANY($1::text[]) OR EXISTS (SELECT 1 FROM unnest($1::text[]) AS x(id) WHERE sync_errors.raw::text LIKE '%' || x.id || '%'))`,
    [ids],
  );
  return rowCount ?? 0;
}

/** Inbox events about the person (named as their subject, or naming one of the ids anywhere) keep only ids and types. */
async function scrubWebhookEvents(client: pg.PoolClient, subjects: { source: string; subjectId: string }[], ids: string[]): Promise<number> {
  if (subjects.length === 0 && ids.length === 0) return 0;
  const { rowCount } = await client.query(
    `UPDATE webhook_events SET payload = ${wipedPayloadSql("payload")}
     WHERE NOT (payload ? 'piiWiped')
       AND ((source, subject_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
         OR EXISTS (SELECT 1 FROM unnest($3::text[]) AS x(id) WHERE webhook_events.payload::text LIKE '%' || x.id || '%'))`,
    [subjects.map((s) => s.source), subjects.map((s) => s.subjectId), ids],
  );
  return rowCount ?? 0;
}

/** Executions become tombstones: no names, the provider record cut down to ids and decisions, marked wiped. */
export async function purgeExecutions(client: pg.PoolClient, keys: TExecutionKey[], at: Date): Promise<number> {
  if (keys.length === 0) return 0;
  const { rows } = await client.query<{ provider: "JUMIO" | "TRUSTX"; id: string; account_id: string | null; raw: unknown; wiped_out_at: Date | null; profile_id: string | null }>(
    `SELECT provider::text AS provider, id, account_id, raw, wiped_out_at, profile_id::text FROM executions
     WHERE (provider::text, id) IN (SELECT * FROM unnest($1::text[], $2::text[])) FOR UPDATE`,
    [keys.map((k) => k.provider), keys.map((k) => k.id)],
  );
  for (const row of rows) {
    const wipedAt = row.wiped_out_at ?? at;
    const tomb = executionTombstone(row.provider, row.raw, wipedAt);
    await client.query(
      `UPDATE executions SET first_name = NULL, last_name = NULL, raw = $3::jsonb, content_hash = $4, wiped_out_at = $5
       WHERE provider = $1::"ExecutionProvider" AND id = $2`,
      [row.provider, row.id, JSON.stringify(tomb.raw), tomb.contentHash, wipedAt],
    );
  }
  const ids = rows.map((r) => r.id);
  await scrubSyncErrors(client, ids);
  // Jumio callbacks name "account/execution"; they carry no personal data, but are cut down all the same.
  await scrubWebhookEvents(client, rows.filter((r) => r.provider === "JUMIO" && r.account_id).map((r) => ({ source: "jumio", subjectId: `${r.account_id}/${r.id}` })), ids);
  const profiles = [...new Set(rows.map((r) => r.profile_id).filter((p): p is string => p !== null))];
  if (profiles.length) await client.query("SELECT refresh_profile_facets($1::uuid[])", [profiles]);
  return rows.length;
}

export type TProfilePurge = { caseNotesRedacted: number; syncErrors: number; webhookEvents: number };

/**
 * A profile becomes a tombstone: search fields, the raw record and its content hash go; field values,
 * file keys, service results and Trulioo's notes and tasks (copies of Trulioo's) are deleted. Flows
 * (workflow ids) and links (pairs of ids) stay. Our own case notes are evidence and stay, with the
 * person's name and email redacted out of them. Call purgeExecutions for the person's executions too.
 */
export async function purgeProfile(client: pg.PoolClient, profileId: string, at: Date): Promise<TProfilePurge> {
  const { rows } = await client.query<{ full_name: string | null; email: string | null; names: string[] }>(
    `SELECT full_name, email,
       coalesce((SELECT array_agg(DISTINCT v) FROM field_values f, unnest(f.values) AS v
                 WHERE f.profile_id = p.id AND f.role IN ('first_name', 'last_name', 'company_name', 'email')), '{}') AS names
     FROM profiles p WHERE id = $1::uuid FOR UPDATE`,
    [profileId],
  );
  const person = rows[0];
  if (!person) return { caseNotesRedacted: 0, syncErrors: 0, webhookEvents: 0 };
  const executionNames = await client.query<{ first_name: string | null; last_name: string | null }>(
    "SELECT first_name, last_name FROM executions WHERE profile_id = $1::uuid",
    [profileId],
  );
  const tokens = nameTokens([person.full_name, person.email, ...person.names, ...executionNames.rows.flatMap((e) => [e.first_name, e.last_name])]);

  for (const table of PROFILE_CHILDREN) await client.query(`DELETE FROM ${table} WHERE profile_id = $1::uuid`, [profileId]);
  await client.query(
    `UPDATE profiles SET full_name = NULL, email = NULL, country = NULL, date_of_birth = NULL, upstream_user = NULL,
       raw = jsonb_build_object('id', id::text, 'piiWiped', true), content_hash = 'wiped', pii_wiped_at = $2
     WHERE id = $1::uuid`,
    [profileId, at],
  );
  let caseNotesRedacted = 0;
  const notes = await client.query<{ id: string; body: string }>("SELECT id::text, body FROM case_notes WHERE profile_id = $1::uuid", [profileId]);
  for (const note of notes.rows) {
    const body = redact(note.body, tokens);
    if (body === note.body) continue;
    await client.query("UPDATE case_notes SET body = $2 WHERE id = $1::uuid", [note.id, body]);
    caseNotesRedacted += 1;
  }
  await client.query("SELECT refresh_profile_facets($1::uuid[])", [[profileId]]);
  const syncErrors = await scrubSyncErrors(client, [profileId]);
  const webhookEvents = await scrubWebhookEvents(client, [{ source: "trulioo", subjectId: profileId }], [profileId]);
  return { caseNotesRedacted, syncErrors, webhookEvents };
}

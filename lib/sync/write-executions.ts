import type pg from "pg";
import type { SqlPool } from "@/lib/db";
import { inTransaction } from "@/lib/db/sql";
import { executionTombstone } from "@/lib/wipes/tombstones";
import type { TExecutionRow } from "./map-execution";
import type { TAfterWrite, TWriteCounts } from "./write-profiles";

const json = (value: unknown) => JSON.stringify(value ?? null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Upserts a batch of executions (Jumio or TrustX) and links each to its profile when that is here. */
export async function writeExecutions(pool: SqlPool, batch: TExecutionRow[], afterWrite?: TAfterWrite): Promise<TWriteCounts> {
  const byKey = new Map(batch.map((row) => [`${row.provider}:${row.id}`, row]));
  const read = [...byKey.values()];
  return inTransaction(pool, async (client) => {
    const existing = read.length
      ? (
          await client.query<{ key: string; content_hash: string; wiped_out_at: Date | null; profile_id: string | null }>(
            `SELECT provider::text || ':' || id AS key, content_hash, wiped_out_at, profile_id::text FROM executions
             WHERE (provider::text, id) IN (SELECT * FROM unnest($1::text[], $2::text[])) FOR UPDATE`,
            [read.map((r) => r.provider), read.map((r) => r.id)],
          )
        ).rows
      : [];
    const known = new Map(existing.map((r) => [r.key, r.content_hash]));
    const rows = await keepWipedWiped(client, read, new Map(existing.map((r) => [r.key, r])));
    const changed = rows.filter((r) => known.get(`${r.provider}:${r.id}`) !== r.contentHash);
    if (changed.length > 0) await upsert(client, changed);
    if (changed.length > 0) await refreshLinkedProfiles(client, changed);
    if (afterWrite) await afterWrite(client);
    return {
      created: changed.filter((r) => !known.has(`${r.provider}:${r.id}`)).length,
      updated: changed.filter((r) => known.has(`${r.provider}:${r.id}`)).length,
      unchanged: rows.length - changed.length,
    };
  });
}

/**
 * A wiped execution stays wiped whatever its provider still sends (TrustX has no delete; a Jumio
 * record read after J8 is already a tombstone): an execution wiped here, or one of a profile whose
 * personal data was wiped, is written as its tombstone (no names, the record cut down to ids and
 * decisions), keeping the time it was wiped. Status, decision and feedback still move.
 */
async function keepWipedWiped(
  client: pg.PoolClient,
  rows: TExecutionRow[],
  existing: Map<string, { wiped_out_at: Date | null; profile_id: string | null }>,
): Promise<TExecutionRow[]> {
  const refs = [...new Set(rows.flatMap((r) => [existing.get(`${r.provider}:${r.id}`)?.profile_id, r.customerReference]).filter((v): v is string => !!v && UUID.test(v)))];
  const wipedProfiles = refs.length
    ? new Set((await client.query<{ id: string }>("SELECT id::text FROM profiles WHERE id = ANY($1::uuid[]) AND pii_wiped_at IS NOT NULL", [refs])).rows.map((r) => r.id))
    : new Set<string>();
  const now = new Date();
  return rows.map((row) => {
    const held = existing.get(`${row.provider}:${row.id}`);
    const ofWiped = [held?.profile_id, row.customerReference].some((id) => !!id && wipedProfiles.has(id.toLowerCase()));
    if (!held?.wiped_out_at && !ofWiped) return row;
    const wipedOutAt = held?.wiped_out_at ?? row.wipedOutAt ?? now;
    const tomb = executionTombstone(row.provider, row.raw, wipedOutAt);
    return { ...row, firstName: null, lastName: null, raw: tomb.raw, contentHash: tomb.contentHash, wipedOutAt };
  });
}

async function upsert(client: pg.PoolClient, r: TExecutionRow[]): Promise<void> {
  await client.query(`
    INSERT INTO executions (provider, id, account_id, definition, status, decision_type, decision_label, risk_score,
      customer_reference, first_name, last_name, created_at, completed_at, wiped_out_at, feedback_status, feedback_reason,
      raw, content_hash, synced_at, profile_id)
    SELECT t.provider::"ExecutionProvider", t.id, t.account_id, t.definition, t.status, t.decision_type, t.decision_label, t.risk_score,
      t.customer_reference, t.first_name, t.last_name, t.created_at, t.completed_at, t.wiped_out_at, t.feedback_status,
      t.feedback_reason, t.raw, t.content_hash, t.fetched_at,
      COALESCE(
        (SELECT p.id FROM profiles p WHERE p.id = CASE WHEN t.ref_uuid THEN t.customer_reference::uuid END),
        (SELECT s.profile_id FROM service_results s WHERE t.provider = 'JUMIO' AND s.transaction_record_id = t.id LIMIT 1))
    FROM unnest($1::text[], $2::text[], $3::text[],
      $4::text[], $5::text[], $6::text[],
      $7::text[], $8::int[], $9::text[],
      $10::text[], $11::text[], $12::timestamptz[],
      $13::timestamptz[], $14::timestamptz[], $15::text[],
      $16::text[], $17::jsonb[], $18::text[],
      $19::boolean[], $20::timestamptz[])
      AS t(provider, id, account_id, definition, status, decision_type, decision_label, risk_score, customer_reference, first_name,
        last_name, created_at, completed_at, wiped_out_at, feedback_status, feedback_reason, raw, content_hash, ref_uuid, fetched_at)
    ON CONFLICT (provider, id) DO UPDATE SET account_id = EXCLUDED.account_id, definition = EXCLUDED.definition,
      status = EXCLUDED.status, decision_type = EXCLUDED.decision_type, decision_label = EXCLUDED.decision_label,
      risk_score = EXCLUDED.risk_score, customer_reference = EXCLUDED.customer_reference, first_name = EXCLUDED.first_name,
      last_name = EXCLUDED.last_name, created_at = EXCLUDED.created_at, completed_at = EXCLUDED.completed_at,
      wiped_out_at = EXCLUDED.wiped_out_at, feedback_status = EXCLUDED.feedback_status, feedback_reason = EXCLUDED.feedback_reason,
      raw = EXCLUDED.raw, content_hash = EXCLUDED.content_hash, synced_at = EXCLUDED.synced_at,
      profile_id = COALESCE(EXCLUDED.profile_id, executions.profile_id)
    -- synced_at is when the copy was read upstream: an older read (a long sync) never replaces a newer
    -- one (a webhook re-sync that committed meanwhile).
    WHERE executions.synced_at <= EXCLUDED.synced_at`,
    [
      r.map((x) => x.provider), r.map((x) => x.id), r.map((x) => x.accountId), r.map((x) => x.definition), r.map((x) => x.status),
      r.map((x) => x.decisionType), r.map((x) => x.decisionLabel), r.map((x) => x.riskScore), r.map((x) => x.customerReference),
      r.map((x) => x.firstName), r.map((x) => x.lastName), r.map((x) => x.createdAt), r.map((x) => x.completedAt),
      r.map((x) => x.wipedOutAt), r.map((x) => x.feedbackStatus), r.map((x) => x.feedbackReason), r.map((x) => json(x.raw)),
      r.map((x) => x.contentHash), r.map((x) => x.customerReference !== null && UUID.test(x.customerReference)),
      r.map((x) => x.fetchedAt),
    ],
  );
}

/** A profile's execution count and latest decision are list facets kept on the profile. */
async function refreshLinkedProfiles(client: pg.PoolClient, rows: TExecutionRow[]): Promise<void> {
  await client.query(
    `SELECT refresh_profile_facets(coalesce(array_agg(DISTINCT profile_id), '{}')) FROM executions
     WHERE profile_id IS NOT NULL AND (provider::text, id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [rows.map((r) => r.provider), rows.map((r) => r.id)],
  );
}

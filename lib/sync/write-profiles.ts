import type pg from "pg";
import type { SqlPool } from "@/lib/db";
import { copyRows } from "@/lib/db/copy";
import { inTransaction } from "@/lib/db/sql";
import type { TProfileRows } from "./map-profile";

export type TWriteCounts = { created: number; updated: number; unchanged: number };
export type TAfterWrite = (client: pg.PoolClient) => Promise<void>;

const CHILD_TABLES = ["profile_flows", "field_values", "profile_files", "service_results", "profile_notes", "profile_tasks"];

/**
 * Writes a batch of mapped profiles in one transaction with set-based statements (unnest), replacing
 * each changed profile's child rows. Unchanged records (same content hash) are not touched, so a
 * re-sync of the same data writes nothing. `afterWrite` runs inside the transaction (cursor advance).
 */
export async function writeProfiles(pool: SqlPool, batch: TProfileRows[], afterWrite?: TAfterWrite): Promise<TWriteCounts> {
  // Last one wins when upstream paging returned the same client twice.
  const byId = new Map(batch.map((rows) => [rows.profile.id, rows]));
  const ids = [...byId.keys()];
  return inTransaction(pool, async (client) => {
    const existing = ids.length
      ? (await client.query<{ id: string; content_hash: string; last_modified: Date; wiped: boolean }>(
          "SELECT id::text, content_hash, last_modified, pii_wiped_at IS NOT NULL AS wiped FROM profiles WHERE id = ANY($1::uuid[]) FOR UPDATE",
          [ids],
        )).rows
      : [];
    const known = new Map(existing.map((row) => [row.id, row.content_hash]));
    // A copy read before a newer one was written (by a webhook re-sync meanwhile) must not replace it.
    const heldSince = new Map(existing.map((row) => [row.id, row.last_modified.getTime()]));
    const wiped = new Set(existing.filter((row) => row.wiped).map((row) => row.id));
    const fresh = [...byId.values()].filter((rows) => (heldSince.get(rows.profile.id) ?? 0) <= rows.profile.lastModified.getTime());
    const changed = fresh.filter((rows) => !wiped.has(rows.profile.id) && known.get(rows.profile.id) !== rows.profile.contentHash);
    const tombstones = fresh.filter((rows) => wiped.has(rows.profile.id));
    if (changed.length > 0) await writeChanged(client, changed, new Set(known.keys()));
    const touched = tombstones.length > 0 ? await updateTombstones(client, tombstones) : 0;
    if (afterWrite) await afterWrite(client);
    return {
      created: changed.filter((rows) => !known.has(rows.profile.id)).length,
      updated: changed.filter((rows) => known.has(rows.profile.id)).length + touched,
      unchanged: byId.size - changed.length - touched,
    };
  });
}

/**
 * A profile whose personal data was wiped stays a tombstone whatever Trulioo still sends (Trulioo has no
 * delete): only what is not the person's moves (status, type, owners, lastModified); no name, email, raw
 * record, field value, file key, service result, note or task is written. Returns how many changed.
 */
async function updateTombstones(client: pg.PoolClient, rows: TProfileRows[]): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE profiles p SET status = t.status, profile_type = t.profile_type, status_manually_changed = t.manual, owner_ids = t.owners,
       last_modified = t.last_modified, synced_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, status text, profile_type text, manual boolean, owners text[], last_modified timestamptz)
     WHERE p.id = t.id AND p.pii_wiped_at IS NOT NULL
       AND (p.status, p.profile_type, p.status_manually_changed, p.owner_ids, p.last_modified) IS DISTINCT FROM (t.status, t.profile_type, t.manual, t.owners, t.last_modified)`,
    [JSON.stringify(rows.map(({ profile: p }) => ({ id: p.id, status: p.status, profile_type: p.profileType, manual: p.statusManuallyChanged, owners: p.ownerIds, last_modified: p.lastModified })))],
  );
  return rowCount ?? 0;
}

const PROFILE_COLUMNS = [
  "id", "status", "profile_type", "status_manually_changed", "owner_ids", "upstream_user", "created_at", "last_modified",
  "full_name", "email", "country", "date_of_birth", "raw", "content_hash",
];

const profileRow = ({ profile: p }: TProfileRows) => [
  p.id, p.status, p.profileType, p.statusManuallyChanged, p.ownerIds, p.upstreamUser, p.createdAt, p.lastModified,
  p.fullName, p.email, p.country, p.dateOfBirth, p.rawJson, p.contentHash,
];

/** New profiles go straight in with COPY; if one appeared meanwhile (a webhook re-sync), they take the upsert path. */
async function insertNew(client: pg.PoolClient, rows: TProfileRows[]): Promise<TProfileRows[]> {
  if (rows.length === 0) return [];
  await client.query("SAVEPOINT sync_new_profiles");
  try {
    await copyRows(client, "profiles", PROFILE_COLUMNS, rows.map(profileRow));
    await client.query("RELEASE SAVEPOINT sync_new_profiles");
    return [];
  } catch (error) {
    if ((error as { code?: string }).code !== "23505") throw error;
    await client.query("ROLLBACK TO SAVEPOINT sync_new_profiles");
    return rows;
  }
}

/** Returns the other ends of the links it dropped: their link counts change too. */
async function upsertExisting(client: pg.PoolClient, rows: TProfileRows[]): Promise<string[]> {
  if (rows.length === 0) return [];
  await client.query("CREATE TEMP TABLE IF NOT EXISTS sync_profiles_in (LIKE profiles INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
  await copyRows(client, "sync_profiles_in", PROFILE_COLUMNS, rows.map(profileRow));
  await client.query(
    `INSERT INTO profiles (${PROFILE_COLUMNS.join(", ")}, synced_at)
     SELECT ${PROFILE_COLUMNS.join(", ")}, now() FROM sync_profiles_in
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, profile_type = EXCLUDED.profile_type,
       status_manually_changed = EXCLUDED.status_manually_changed, owner_ids = EXCLUDED.owner_ids, upstream_user = EXCLUDED.upstream_user,
       created_at = EXCLUDED.created_at, last_modified = EXCLUDED.last_modified, full_name = EXCLUDED.full_name, email = EXCLUDED.email,
       country = EXCLUDED.country, date_of_birth = EXCLUDED.date_of_birth, raw = EXCLUDED.raw, content_hash = EXCLUDED.content_hash,
       synced_at = now()`,
  );
  const ids = rows.map((r) => r.profile.id);
  for (const table of CHILD_TABLES) await client.query(`DELETE FROM ${table} WHERE profile_id = ANY($1::uuid[])`, [ids]);
  const dropped = await client.query<{ from_id: string; to_id: string }>(
    "DELETE FROM profile_links WHERE from_id = ANY($1::uuid[]) OR to_id = ANY($1::uuid[]) RETURNING from_id::text, to_id::text",
    [ids],
  );
  return dropped.rows.flatMap((r) => [r.from_id, r.to_id]);
}

async function writeChanged(client: pg.PoolClient, rows: TProfileRows[], known: Set<string>): Promise<void> {
  const ids = rows.map((r) => r.profile.id);
  // A profile we did not hold had no child rows (they reference it), so only known ones are cleared.
  const conflicted = await insertNew(client, rows.filter((r) => !known.has(r.profile.id)));
  const unlinked = await upsertExisting(client, [...rows.filter((r) => known.has(r.profile.id)), ...conflicted]);

  const each = <T>(pick: (r: TProfileRows) => T[]) => rows.flatMap((r) => pick(r).map((item) => ({ pid: r.profile.id, item })));
  await copyRows(client, "profile_flows", ["profile_id", "flow_id", "completed"],
    each((r) => r.flows).map(({ pid, item: f }) => [pid, f.flowId, f.completed]));
  await copyRows(client, "field_values", ["profile_id", "flow_id", "element_id", "name", "role", "normalized_name", "values"],
    each((r) => r.fields).map(({ pid, item: f }) => [pid, f.flowId, f.elementId, f.name, f.role, f.normalizedName, f.values]));
  await copyRows(client, "profile_files", ["profile_id", "flow_id", "element_id", "file_key", "position", "enhanced"],
    each((r) => r.files).map(({ pid, item: f }) => [pid, f.flowId, f.elementId, f.fileKey, f.position, f.enhanced]));
  await copyRows(
    client,
    "service_results",
    ["profile_id", "flow_id", "position", "node_id", "node_title", "node_type", "service_status", "match", "secondary_match",
      "timestamp", "transaction_record_id", "transaction_info"],
    each((r) => r.services).map(({ pid, item: s }) => [
      pid, s.flowId, s.position, s.nodeId, s.nodeTitle, s.nodeType, s.serviceStatus, s.match, s.secondaryMatch, s.timestamp,
      s.transactionRecordId, { json: s.transactionInfo },
    ]),
  );
  // Upstream ids are unique per client; a repeated one would fail COPY, so keep the first.
  const unique = <T extends { pid: string; item: { id: string } }>(list: T[]) => [...new Map(list.map((x) => [`${x.pid}:${x.item.id}`, x])).values()];
  await copyRows(client, "profile_notes", ["profile_id", "id", "text", "created_by", "created_at"],
    unique(each((r) => r.notes)).map(({ pid, item: n }) => [pid, n.id, n.text, n.createdBy, n.createdAt]));
  await copyRows(client, "profile_tasks", ["profile_id", "id", "text", "resolved", "created_by", "updated_by", "created_at", "updated_at"],
    unique(each((r) => r.tasks)).map(({ pid, item: t }) => [pid, t.id, t.text, t.resolved, t.createdBy, t.updatedBy, t.createdAt, t.updatedAt]));

  // A link is stored once both ends are here; the other end's record lists it too, so it appears
  // whichever side syncs last. Both ends list the same link: keep one row per pair.
  const links = [...new Map(rows.flatMap((r) => r.links).map((l) => [`${l.fromId}:${l.toId}`, l])).values()];
  await client.query("CREATE TEMP TABLE IF NOT EXISTS sync_links_in (from_id uuid, to_id uuid, type text) ON COMMIT DELETE ROWS");
  await copyRows(client, "sync_links_in", ["from_id", "to_id", "type"], links.map((l) => [l.fromId, l.toId, l.type]));
  await client.query(
    `INSERT INTO profile_links (from_id, to_id, type)
     SELECT t.from_id, t.to_id, t.type FROM sync_links_in t
     WHERE EXISTS (SELECT 1 FROM profiles WHERE id = t.from_id) AND EXISTS (SELECT 1 FROM profiles WHERE id = t.to_id)
     ON CONFLICT (from_id, to_id) DO UPDATE SET type = EXCLUDED.type`,
  );

  // Executions that arrived before their profile: Jumio's customerInternalReference, or the
  // profile's own service results naming an execution id (contract §4).
  await client.query(
    "UPDATE executions SET profile_id = customer_reference::uuid WHERE profile_id IS NULL AND customer_reference = ANY($1::text[])",
    [ids],
  );
  await client.query(
    `UPDATE executions e SET profile_id = s.profile_id FROM service_results s
     WHERE s.profile_id = ANY($1::uuid[]) AND e.provider = 'JUMIO' AND e.id = s.transaction_record_id AND e.profile_id IS NULL`,
    [ids],
  );
  // The list filters on facets of the child rows, kept on the profile; links touch both ends.
  const touched = [...new Set([...ids, ...unlinked, ...links.flatMap((l) => [l.fromId, l.toId])])];
  await client.query("SELECT refresh_profile_facets($1::uuid[])", [touched]);
}

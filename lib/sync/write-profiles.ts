import type { Db, DbTransaction } from "@/lib/db";
import type { TProfileRows } from "./map-profile";

export type TWriteCounts = { created: number; updated: number; unchanged: number };

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Writes a batch of mapped profiles in one transaction with set-based statements (unnest), replacing
 * each changed profile's child rows. Unchanged records (same content hash) are not touched, so a
 * re-sync of the same data writes nothing. `afterWrite` runs inside the transaction (cursor advance).
 */
export async function writeProfiles(
  db: Db,
  batch: TProfileRows[],
  afterWrite?: (tx: DbTransaction) => Promise<void>,
): Promise<TWriteCounts> {
  if (batch.length === 0) {
    if (afterWrite) await db.$transaction(afterWrite);
    return { created: 0, updated: 0, unchanged: 0 };
  }
  // Last one wins when upstream paging returned the same client twice.
  const byId = new Map(batch.map((rows) => [rows.profile.id, rows]));
  const ids = [...byId.keys()];
  return db.$transaction(
    async (tx) => {
      const existing = await tx.$queryRaw<{ id: string; content_hash: string }[]>`
        SELECT id::text, content_hash FROM profiles WHERE id = ANY(${ids}::uuid[]) FOR UPDATE`;
      const known = new Map(existing.map((row) => [row.id, row.content_hash]));
      const changed = [...byId.values()].filter((rows) => known.get(rows.profile.id) !== rows.profile.contentHash);
      const counts: TWriteCounts = {
        created: changed.filter((rows) => !known.has(rows.profile.id)).length,
        updated: changed.filter((rows) => known.has(rows.profile.id)).length,
        unchanged: byId.size - changed.length,
      };
      if (changed.length > 0) await writeChanged(tx, changed);
      if (afterWrite) await afterWrite(tx);
      return counts;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

async function writeChanged(tx: DbTransaction, rows: TProfileRows[]): Promise<void> {
  const p = rows.map((r) => r.profile);
  const ids = p.map((x) => x.id);
  await tx.$executeRaw`
    INSERT INTO profiles (id, status, profile_type, status_manually_changed, owner_ids, upstream_user, created_at,
      last_modified, full_name, email, country, date_of_birth, raw, content_hash, synced_at)
    SELECT t.id, t.status, t.profile_type, t.manual, ARRAY(SELECT jsonb_array_elements_text(t.owner_ids)), t.upstream_user,
      t.created_at, t.last_modified, t.full_name, t.email, t.country, t.dob, t.raw, t.content_hash, now()
    FROM unnest(${ids}::uuid[], ${p.map((x) => x.status)}::text[], ${p.map((x) => x.profileType)}::text[],
      ${p.map((x) => x.statusManuallyChanged)}::boolean[], ${p.map((x) => json(x.ownerIds))}::jsonb[],
      ${p.map((x) => x.upstreamUser)}::text[], ${p.map((x) => x.createdAt)}::timestamptz[], ${p.map((x) => x.lastModified)}::timestamptz[],
      ${p.map((x) => x.fullName)}::text[], ${p.map((x) => x.email)}::text[], ${p.map((x) => x.country)}::text[],
      ${p.map((x) => x.dateOfBirth)}::text[], ${p.map((x) => json(x.raw))}::jsonb[], ${p.map((x) => x.contentHash)}::text[])
      AS t(id, status, profile_type, manual, owner_ids, upstream_user, created_at, last_modified, full_name, email, country, dob, raw, content_hash)
    ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, profile_type = EXCLUDED.profile_type,
      status_manually_changed = EXCLUDED.status_manually_changed, owner_ids = EXCLUDED.owner_ids, upstream_user = EXCLUDED.upstream_user,
      created_at = EXCLUDED.created_at, last_modified = EXCLUDED.last_modified, full_name = EXCLUDED.full_name, email = EXCLUDED.email,
      country = EXCLUDED.country, date_of_birth = EXCLUDED.date_of_birth, raw = EXCLUDED.raw, content_hash = EXCLUDED.content_hash,
      synced_at = now()`;

  for (const table of ["profile_flows", "field_values", "profile_files", "service_results", "profile_notes", "profile_tasks"] as const) {
    await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE profile_id = ANY($1::uuid[])`, ids);
  }
  await tx.$executeRaw`DELETE FROM profile_links WHERE from_id = ANY(${ids}::uuid[]) OR to_id = ANY(${ids}::uuid[])`;

  const flows = rows.flatMap((r) => r.flows.map((f) => ({ id: r.profile.id, ...f })));
  await tx.$executeRaw`
    INSERT INTO profile_flows (profile_id, flow_id, completed)
    SELECT * FROM unnest(${flows.map((f) => f.id)}::uuid[], ${flows.map((f) => f.flowId)}::text[], ${flows.map((f) => f.completed)}::boolean[])`;

  const fields = rows.flatMap((r) => r.fields.map((f) => ({ id: r.profile.id, ...f })));
  await tx.$executeRaw`
    INSERT INTO field_values (profile_id, flow_id, element_id, name, role, normalized_name, "values")
    SELECT t.id, t.flow_id, t.element_id, t.name, t.role, t.normalized_name, ARRAY(SELECT jsonb_array_elements_text(t.vals))
    FROM unnest(${fields.map((f) => f.id)}::uuid[], ${fields.map((f) => f.flowId)}::text[], ${fields.map((f) => f.elementId)}::text[],
      ${fields.map((f) => f.name)}::text[], ${fields.map((f) => f.role)}::text[], ${fields.map((f) => f.normalizedName)}::text[],
      ${fields.map((f) => json(f.values))}::jsonb[]) AS t(id, flow_id, element_id, name, role, normalized_name, vals)`;

  const files = rows.flatMap((r) => r.files.map((f) => ({ id: r.profile.id, ...f })));
  await tx.$executeRaw`
    INSERT INTO profile_files (profile_id, flow_id, element_id, file_key, position, enhanced)
    SELECT * FROM unnest(${files.map((f) => f.id)}::uuid[], ${files.map((f) => f.flowId)}::text[], ${files.map((f) => f.elementId)}::text[],
      ${files.map((f) => f.fileKey)}::text[], ${files.map((f) => f.position)}::int[], ${files.map((f) => f.enhanced)}::boolean[])`;

  const services = rows.flatMap((r) => r.services.map((s) => ({ id: r.profile.id, ...s })));
  await tx.$executeRaw`
    INSERT INTO service_results (profile_id, flow_id, position, node_id, node_title, node_type, service_status, match, secondary_match,
      timestamp, transaction_record_id, transaction_info, full_service_details)
    SELECT * FROM unnest(${services.map((s) => s.id)}::uuid[], ${services.map((s) => s.flowId)}::text[], ${services.map((s) => s.position)}::int[],
      ${services.map((s) => s.nodeId)}::text[], ${services.map((s) => s.nodeTitle)}::text[], ${services.map((s) => s.nodeType)}::text[],
      ${services.map((s) => s.serviceStatus)}::text[], ${services.map((s) => s.match)}::boolean[], ${services.map((s) => s.secondaryMatch)}::boolean[],
      ${services.map((s) => s.timestamp)}::timestamptz[], ${services.map((s) => s.transactionRecordId)}::text[],
      ${services.map((s) => json(s.transactionInfo))}::jsonb[], ${services.map((s) => json(s.fullServiceDetails))}::jsonb[])`;

  const notes = rows.flatMap((r) => r.notes.map((n) => ({ pid: r.profile.id, ...n })));
  await tx.$executeRaw`
    INSERT INTO profile_notes (profile_id, id, text, created_by, created_at)
    SELECT * FROM unnest(${notes.map((n) => n.pid)}::uuid[], ${notes.map((n) => n.id)}::text[], ${notes.map((n) => n.text)}::text[],
      ${notes.map((n) => n.createdBy)}::text[], ${notes.map((n) => n.createdAt)}::timestamptz[]) ON CONFLICT DO NOTHING`;

  const tasks = rows.flatMap((r) => r.tasks.map((t) => ({ pid: r.profile.id, ...t })));
  await tx.$executeRaw`
    INSERT INTO profile_tasks (profile_id, id, text, resolved, created_by, updated_by, created_at, updated_at)
    SELECT * FROM unnest(${tasks.map((t) => t.pid)}::uuid[], ${tasks.map((t) => t.id)}::text[], ${tasks.map((t) => t.text)}::text[],
      ${tasks.map((t) => t.resolved)}::boolean[], ${tasks.map((t) => t.createdBy)}::text[], ${tasks.map((t) => t.updatedBy)}::text[],
      ${tasks.map((t) => t.createdAt)}::timestamptz[], ${tasks.map((t) => t.updatedAt)}::timestamptz[]) ON CONFLICT DO NOTHING`;

  // A link is stored once both ends are here; the other end's record lists it too, so it appears
  // whichever side syncs last.
  // Both ends list the same link: keep one row per pair.
  const links = [...new Map(rows.flatMap((r) => r.links).map((l) => [`${l.fromId}:${l.toId}`, l])).values()];
  await tx.$executeRaw`
    INSERT INTO profile_links (from_id, to_id, type)
    SELECT t.from_id, t.to_id, t.type
    FROM unnest(${links.map((l) => l.fromId)}::uuid[], ${links.map((l) => l.toId)}::uuid[], ${links.map((l) => l.type)}::text[]) AS t(from_id, to_id, type)
    WHERE EXISTS (SELECT 1 FROM profiles WHERE id = t.from_id) AND EXISTS (SELECT 1 FROM profiles WHERE id = t.to_id)
    ON CONFLICT (from_id, to_id) DO UPDATE SET type = EXCLUDED.type`;

  // Executions that arrived before their profile: Jumio's customerInternalReference, or the
  // profile's own service results naming an execution id (contract §4).
  await tx.$executeRaw`
    UPDATE executions SET profile_id = customer_reference::uuid
    WHERE profile_id IS NULL AND customer_reference = ANY(${ids}::text[])`;
  await tx.$executeRaw`
    UPDATE executions e SET profile_id = s.profile_id
    FROM service_results s
    WHERE s.profile_id = ANY(${ids}::uuid[]) AND e.provider = 'JUMIO' AND e.id = s.transaction_record_id AND e.profile_id IS NULL`;
}

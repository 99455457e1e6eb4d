import "server-only";
import type pg from "pg";
import type { Db, DbTransaction } from "@/lib/db";
import type { TAuditEntry } from "./schemas";

// Keys that must never reach the audit trail even if a caller passes them by mistake.
const SECRET_KEYS = /pass(word)?|secret|token|hash/i;

function scrub(details: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!details) return {};
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [key, SECRET_KEYS.test(key) ? "[redacted]" : value]),
  );
}

/**
 * Writes one audit row. Pass the transaction of the change it records, so the change and its
 * evidence commit or roll back together.
 */
export async function recordAudit(db: Db | DbTransaction, entry: TAuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actor.id,
      actorEmail: entry.actor.email,
      actorRole: entry.actor.role,
      action: entry.action,
      outcome: entry.outcome,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      details: scrub(entry.details) as object,
      requestId: entry.request.requestId,
      ip: entry.request.ip,
      userAgent: entry.request.userAgent?.slice(0, 512) ?? null,
    },
  });
}

/**
 * Many audit rows in one statement, on the connection of the transaction they belong to (a job's
 * chunk writes one row per item with the local change it records).
 */
export async function recordAuditRows(client: pg.PoolClient, entries: TAuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await client.query(
    `INSERT INTO audit_events (actor_id, actor_email, actor_role, action, outcome, target_type, target_id, details, request_id, ip, user_agent)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::"Role"[], $4::text[], $5::"AuditOutcome"[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[], $11::text[])`,
    [
      entries.map((e) => e.actor.id),
      entries.map((e) => e.actor.email),
      entries.map((e) => e.actor.role),
      entries.map((e) => e.action),
      entries.map((e) => e.outcome),
      entries.map((e) => e.target?.type ?? null),
      entries.map((e) => e.target?.id ?? null),
      entries.map((e) => JSON.stringify(scrub(e.details))),
      entries.map((e) => e.request.requestId),
      entries.map((e) => e.request.ip),
      entries.map((e) => e.request.userAgent?.slice(0, 512) ?? null),
    ],
  );
}

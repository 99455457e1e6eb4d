import "server-only";
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

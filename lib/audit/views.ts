import "server-only";
import { getDb } from "@/lib/db";
import type { TCurrentUser } from "@/lib/auth/session";
import { getRequestContext } from "./context";
import { recordAudit } from "./record";

const VIEW_WINDOW_MS = 10 * 60_000;

/**
 * Opening a page that shows a person's data is a PII-access audit event: at most one per user, record
 * and 10 minutes, so a reload or a return from a download does not flood the trail. Views of one user
 * and record run one at a time (a transaction-scoped lock), so two tabs opening at once record one row.
 */
export async function recordRecordView(user: TCurrentUser, target: { type: "profile" | "execution"; id: string }): Promise<void> {
  const action = target.type === "profile" ? "profile.view" : "execution.view";
  const request = await getRequestContext();
  await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`view:${user.id}:${target.type}:${target.id}`}))`;
    const recent = await tx.auditEvent.findFirst({
      where: { actorId: user.id, action, targetType: target.type, targetId: target.id, at: { gt: new Date(Date.now() - VIEW_WINDOW_MS) } },
      select: { id: true },
    });
    if (recent) return;
    await recordAudit(tx, { actor: { id: user.id, email: user.email, role: user.role }, action, outcome: "SUCCESS", target, request });
  });
}

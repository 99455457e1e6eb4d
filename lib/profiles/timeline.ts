import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { auditLabel } from "@/lib/audit/catalogue";

export type TTimelineEntry = {
  at: Date;
  /** ours: something done in this app (the audit log); upstream: something Trulioo, Jumio or TrustX did. */
  origin: "ours" | "upstream";
  title: string;
  detail: string | null;
  actor: string | null;
  outcome: "SUCCESS" | "DENIED" | "FAILED" | null;
  href: string | null;
};

const LIMIT = 200;

const TRULIOO_EVENTS: Record<string, string> = {
  FLOW_START: "Flow started",
  STEP_INIT: "Step opened",
  STEP_SUBMIT: "Step submitted",
  SERVICE_INIT: "Service started",
  INTERMEDIATE_EVENT_RECEIVED: "Service update received",
  SERVICE_SUBMIT: "Service result",
  INSTANT_SERVICE_SUBMIT: "Instant service result",
  SERVICE_TIMEOUT: "Service timed out",
  FLOW_END: "Flow finished",
  ABANDONED: "Flow abandoned",
  MANUALLY_ACCEPTED: "Status set to Accepted",
  MANUALLY_REJECTED: "Status set to Rejected",
  MANUALLY_PENDING_REVIEW: "Status set to Waiting for review",
  MANUALLY_ABANDONED: "Status set to Abandoned",
  NOTE_ADDED: "Note added in Trulioo",
  TASK_ADDED: "Task added in Trulioo",
  TASK_DONE: "Task done in Trulioo",
  TASK_UNDONE: "Task reopened in Trulioo",
};

// What the timeline reads of a stored webhook: the event's own time and, for service events, the service.
const ZWebhookPayloadSchema = z
  .object({ event: z.object({ ts: z.number().optional() }).partial().optional(), serviceType: z.string().optional(), nodeId: z.string().optional() })
  .partial();

/**
 * A profile's history, newest first: our audit events on it and on its executions, and what happened
 * upstream as far as the local copy knows it (webhooks received, executions run, Trulioo's notes and
 * tasks, the record's own creation). Bounded: the newest entries of each source, then the newest overall.
 */
export async function getProfileTimeline(profile: { id: string; createdAt: Date; lastModified: Date }, executionIds: string[]): Promise<TTimelineEntry[]> {
  const db = getDb();
  const [audits, webhooks, executions, notes, tasks] = await Promise.all([
    db.auditEvent.findMany({
      where: {
        OR: [
          { targetType: "profile", targetId: profile.id },
          ...(executionIds.length ? [{ targetType: "execution", targetId: { in: executionIds } }] : []),
        ],
      },
      orderBy: { at: "desc" },
      take: LIMIT,
      select: { at: true, action: true, outcome: true, actorEmail: true, targetType: true, targetId: true, details: true, actor: { select: { name: true } } },
    }),
    db.webhookEvent.findMany({
      where: { source: "trulioo", subjectId: profile.id },
      orderBy: { receivedAt: "desc" },
      take: LIMIT,
      select: { type: true, payload: true, receivedAt: true, outcome: true },
    }),
    db.execution.findMany({
      where: { profileId: profile.id },
      orderBy: { createdAt: "desc" },
      take: LIMIT,
      select: { provider: true, id: true, createdAt: true, completedAt: true, decisionType: true },
    }),
    db.profileNote.findMany({ where: { profileId: profile.id, createdAt: { not: null } }, orderBy: { createdAt: "desc" }, take: LIMIT }),
    db.profileTask.findMany({ where: { profileId: profile.id, createdAt: { not: null } }, orderBy: { createdAt: "desc" }, take: LIMIT }),
  ]);
  const entries: TTimelineEntry[] = [];
  for (const a of audits) {
    entries.push({
      at: a.at,
      origin: "ours",
      title: a.targetType === "execution" ? `${auditLabel(a.action)} (execution ${a.targetId})` : auditLabel(a.action),
      detail: auditDetail(a.action, a.details),
      actor: a.actor?.name ?? a.actorEmail,
      outcome: a.outcome,
      href: a.targetType === "execution" && a.targetId ? `/executions/${encodeURIComponent(a.targetId)}` : null,
    });
  }
  for (const w of webhooks) {
    const payload = ZWebhookPayloadSchema.safeParse(w.payload);
    const ts = payload.success ? payload.data.event?.ts : undefined;
    const at = typeof ts === "number" && ts > 1e9 && ts < 1e11 ? new Date(ts * 1000) : w.receivedAt;
    const service = payload.success ? payload.data.serviceType : undefined;
    entries.push({
      at,
      origin: "upstream",
      title: `${TRULIOO_EVENTS[w.type] ?? w.type} (Trulioo)`,
      detail: [service, w.outcome === "echo" ? "our own change, echoed back" : null].filter(Boolean).join(" · ") || null,
      actor: null,
      outcome: null,
      href: null,
    });
  }
  for (const e of executions) {
    const provider = e.provider === "JUMIO" ? "Jumio" : "TrustX";
    const href = `/executions/${encodeURIComponent(e.id)}`;
    entries.push({ at: e.createdAt, origin: "upstream", title: `${provider} verification started`, detail: e.id, actor: null, outcome: null, href });
    if (e.completedAt) {
      entries.push({ at: e.completedAt, origin: "upstream", title: `${provider} verification finished`, detail: e.decisionType ?? null, actor: null, outcome: null, href });
    }
  }
  for (const n of notes) entries.push({ at: n.createdAt!, origin: "upstream", title: "Note in Trulioo", detail: clip(n.text), actor: n.createdBy, outcome: null, href: null });
  for (const t of tasks) {
    entries.push({ at: t.createdAt!, origin: "upstream", title: "Task in Trulioo", detail: clip(t.text), actor: t.createdBy, outcome: null, href: null });
    if (t.resolved && t.updatedAt) entries.push({ at: t.updatedAt, origin: "upstream", title: "Task done in Trulioo", detail: clip(t.text), actor: t.updatedBy, outcome: null, href: null });
  }
  entries.push({ at: profile.createdAt, origin: "upstream", title: "Profile created in Trulioo", detail: null, actor: null, outcome: null, href: null });
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, LIMIT);
}

const clip = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

// Details worth a line on the timeline; the rest stays on the audit page.
function auditDetail(action: string, details: unknown): string | null {
  if (typeof details !== "object" || details === null) return null;
  const d = details as Record<string, unknown>;
  if (action === "profile.status_change" && typeof d.from === "string" && typeof d.to === "string") return `${d.from} → ${d.to}`;
  if (action === "file.download" && typeof d.elementId === "string") return `file ${d.elementId}`;
  if (action === "profile.refresh" && typeof d.result === "string") return d.result;
  if (typeof d.reason === "string") return d.reason;
  return null;
}

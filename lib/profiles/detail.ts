import "server-only";
import { getDb } from "@/lib/db";
import { findProfileFiles, type TProfileFileRef } from "@/lib/files/queries";
import { linkFromSide } from "./links";

/** A form field; a file upload's value (Trulioo's file key) is never shown, its file card stands for it. */
export type TProfileField = { elementId: string; name: string; role: string | null; values: string[]; isFile: boolean };
export type TProfileService = {
  position: number;
  nodeId: string;
  nodeTitle: string | null;
  nodeType: string | null;
  serviceStatus: string;
  match: boolean | null;
  secondaryMatch: boolean | null;
  timestamp: Date | null;
  transactionInfo: Record<string, unknown> | null;
};
/** A flow as its tab shows it: what it is and how much is in it. */
export type TProfileFlow = { flowId: string; workflow: string | null; completed: boolean; fieldCount: number; serviceCount: number; noMatchCount: number };

export type TProfileFlowSection = TProfileFlow & { fields: TProfileField[]; files: TProfileFileRef[]; services: TProfileService[] };

/**
 * Everything the case page shows of one profile, from the local copy (no upstream call): the header
 * facts, its flows (one is shown at a time: getFlowSection), Trulioo's tasks, links seen from this
 * side, and this person's executions.
 */
export async function getProfileCase(id: string) {
  const db = getDb();
  const profile = await db.profile.findUnique({
    where: { id },
    select: {
      id: true, status: true, profileType: true, statusManuallyChanged: true, ownerIds: true, upstreamUser: true, createdAt: true,
      lastModified: true, fullName: true, email: true, country: true, dateOfBirth: true, piiWipedAt: true, serviceOutcome: true,
      syncedAt: true,
    },
  });
  if (!profile) return null;
  const [flows, fieldCounts, serviceCounts, noMatchCounts, tasks, linksFrom, linksTo, executions] = await Promise.all([
    db.profileFlow.findMany({ where: { profileId: id }, orderBy: { flowId: "asc" } }),
    db.fieldValue.groupBy({ by: ["flowId"], where: { profileId: id }, _count: { _all: true } }),
    db.serviceResult.groupBy({ by: ["flowId"], where: { profileId: id }, _count: { _all: true } }),
    db.serviceResult.groupBy({ by: ["flowId"], where: { profileId: id, match: false }, _count: { _all: true } }),
    db.profileTask.findMany({ where: { profileId: id }, orderBy: [{ resolved: "asc" }, { createdAt: "desc" }], take: 200 }),
    db.profileLink.findMany({ where: { fromId: id }, select: { type: true, to: { select: { id: true, fullName: true, status: true } } } }),
    db.profileLink.findMany({ where: { toId: id }, select: { type: true, from: { select: { id: true, fullName: true, status: true } } } }),
    db.execution.findMany({
      where: { profileId: id },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 100,
      select: { provider: true, id: true, status: true, decisionType: true, decisionLabel: true, riskScore: true, definition: true, createdAt: true, completedAt: true },
    }),
  ]);
  const workflowNames = new Map(
    (await db.workflow.findMany({ where: { id: { in: flows.map((f) => f.flowId) } }, select: { id: true, name: true } })).map((w) => [w.id, w.name]),
  );
  const countOf = (rows: { flowId: string; _count: { _all: number } }[]) => new Map(rows.map((r) => [r.flowId, r._count._all]));
  const [fieldsIn, servicesIn, noMatchIn] = [countOf(fieldCounts), countOf(serviceCounts), countOf(noMatchCounts)];
  const flowList: TProfileFlow[] = flows.map((flow) => ({
    flowId: flow.flowId,
    workflow: workflowNames.get(flow.flowId) ?? null,
    completed: flow.completed,
    fieldCount: fieldsIn.get(flow.flowId) ?? 0,
    serviceCount: servicesIn.get(flow.flowId) ?? 0,
    noMatchCount: noMatchIn.get(flow.flowId) ?? 0,
  }));
  const links = [
    ...linksFrom.map((l) => ({ ...linkFromSide(l.type, "from"), other: l.to })),
    ...linksTo.map((l) => ({ ...linkFromSide(l.type, "to"), other: l.from })),
  ].sort((a, b) => a.label.localeCompare(b.label) || (a.other.fullName ?? "").localeCompare(b.other.fullName ?? ""));
  return { profile, flows: flowList, tasks, links, executions };
}

/** One flow's form fields, files (for those who may download them) and service results, in Trulioo's order. */
export async function getFlowSection(profileId: string, flow: TProfileFlow, options: { withFiles: boolean }): Promise<TProfileFlowSection> {
  const db = getDb();
  const where = { profileId, flowId: flow.flowId };
  const [fields, services, files, fileElements] = await Promise.all([
    db.fieldValue.findMany({ where, orderBy: { elementId: "asc" }, select: { elementId: true, name: true, role: true, values: true } }),
    db.serviceResult.findMany({ where, orderBy: { position: "asc" }, omit: { profileId: true, flowId: true, transactionRecordId: true } }),
    options.withFiles ? findProfileFiles(profileId, flow.flowId) : Promise.resolve([]),
    db.profileFile.findMany({ where, distinct: ["elementId"], select: { elementId: true } }),
  ]);
  const fileIds = new Set(fileElements.map((f) => f.elementId));
  return {
    ...flow,
    fields: fields.map((f) => (fileIds.has(f.elementId) ? { ...f, values: [], isFile: true } : { ...f, isFile: false })),
    files,
    services: services.map(({ transactionInfo, ...service }) => ({ ...service, transactionInfo: isRecord(transactionInfo) ? transactionInfo : null })),
  };
}

export type TProfileCase = NonNullable<Awaited<ReturnType<typeof getProfileCase>>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export type TStatusChange = { at: Date; by: string | null; where: "here" | "trulioo" } | null;

/**
 * Who last set the status by hand, and when: our own audit log for changes made here, Trulioo's
 * MANUALLY_* webhooks for changes made there (an echo of ours is the same change). Null when no manual
 * change is on record (the workflow set it).
 */
export async function lastStatusChange(profileId: string): Promise<TStatusChange> {
  const db = getDb();
  const [ours, upstream] = await Promise.all([
    // A bulk change that found the profile already there changed nothing: it does not count as setting it
    // (filtered here: a JSON-path NOT in SQL also drops the rows that have no such key).
    db.auditEvent
      .findMany({
        where: { action: "profile.status_change", outcome: "SUCCESS", targetType: "profile", targetId: profileId },
        orderBy: { at: "desc" },
        take: 20,
        select: { at: true, actorEmail: true, details: true, actor: { select: { name: true } } },
      })
      .then((rows) => rows.find((r) => !(r.details && typeof r.details === "object" && (r.details as { noop?: unknown }).noop === true)) ?? null),
    db.webhookEvent.findFirst({
      where: { source: "trulioo", subjectId: profileId, type: { startsWith: "MANUALLY_" }, OR: [{ outcome: null }, { outcome: { not: "echo" } }] },
      orderBy: { receivedAt: "desc" },
      select: { receivedAt: true },
    }),
  ]);
  if (ours && (!upstream || ours.at >= upstream.receivedAt)) return { at: ours.at, by: ours.actor?.name ?? ours.actorEmail, where: "here" };
  if (upstream) return { at: upstream.receivedAt, by: null, where: "trulioo" };
  return null;
}

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
export type TProfileFlowSection = {
  flowId: string;
  workflow: string | null;
  completed: boolean;
  fields: TProfileField[];
  files: TProfileFileRef[];
  services: TProfileService[];
};

/**
 * Everything the case page shows of one profile, from the local copy (no upstream call): the header
 * facts, one section per flow (fields, files, service results without their full details, which the
 * page fetches when opened), Trulioo's tasks, links seen from this side, and this person's executions.
 */
export async function getProfileCase(id: string, options: { withFiles: boolean }) {
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
  const [flows, fields, services, files, fileElements, tasks, linksFrom, linksTo, executions] = await Promise.all([
    db.profileFlow.findMany({ where: { profileId: id }, orderBy: { flowId: "asc" } }),
    db.fieldValue.findMany({ where: { profileId: id }, orderBy: [{ flowId: "asc" }, { elementId: "asc" }], select: { flowId: true, elementId: true, name: true, role: true, values: true } }),
    db.serviceResult.findMany({ where: { profileId: id }, orderBy: [{ flowId: "asc" }, { position: "asc" }], omit: { profileId: true, transactionRecordId: true } }),
    options.withFiles && !profile.piiWipedAt ? findProfileFiles(id) : Promise.resolve([]),
    db.profileFile.findMany({ where: { profileId: id }, distinct: ["flowId", "elementId"], select: { flowId: true, elementId: true } }),
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
  const sections: TProfileFlowSection[] = flows.map((flow) => ({
    flowId: flow.flowId,
    workflow: workflowNames.get(flow.flowId) ?? null,
    completed: flow.completed,
    fields: [],
    files: [],
    services: [],
  }));
  const byFlow = new Map(sections.map((s) => [s.flowId, s]));
  const fileKeys = new Set(fileElements.map((f) => `${f.flowId}\u0000${f.elementId}`));
  for (const { flowId, ...field } of fields) {
    const isFile = fileKeys.has(`${flowId}\u0000${field.elementId}`);
    byFlow.get(flowId)?.fields.push({ ...field, values: isFile ? [] : field.values, isFile });
  }
  for (const file of files) byFlow.get(file.flowId)?.files.push(file);
  for (const { flowId, transactionInfo, ...service } of services) {
    byFlow.get(flowId)?.services.push({ ...service, transactionInfo: isRecord(transactionInfo) ? transactionInfo : null });
  }
  const links = [
    ...linksFrom.map((l) => ({ ...linkFromSide(l.type, "from"), other: l.to })),
    ...linksTo.map((l) => ({ ...linkFromSide(l.type, "to"), other: l.from })),
  ].sort((a, b) => a.label.localeCompare(b.label) || (a.other.fullName ?? "").localeCompare(b.other.fullName ?? ""));
  return { profile, sections, tasks, links, executions };
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
    db.auditEvent.findFirst({
      where: { action: "profile.status_change", outcome: "SUCCESS", targetType: "profile", targetId: profileId },
      orderBy: { at: "desc" },
      select: { at: true, actorEmail: true, actor: { select: { name: true } } },
    }),
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

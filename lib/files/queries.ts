import "server-only";
import { getDb } from "@/lib/db";

export type TProfileFileRef = { flowId: string; elementId: string; position: number; enhanced: boolean; label: string; workflow: string | null; href: string };

/** A profile's Trulioo files as download references (our own route; the upstream key never leaves the server). */
export async function findProfileFiles(profileId: string, flowId?: string): Promise<TProfileFileRef[]> {
  const db = getDb();
  const files = await db.profileFile.findMany({
    where: { profileId, ...(flowId === undefined ? {} : { flowId }) },
    select: { flowId: true, elementId: true, position: true, enhanced: true },
    orderBy: [{ flowId: "asc" }, { elementId: "asc" }, { enhanced: "asc" }, { position: "asc" }],
  });
  if (files.length === 0) return [];
  // The form element's own name ("Document front") and the workflow's, where the copy has them.
  const [fields, workflows] = await Promise.all([
    db.fieldValue.findMany({ where: { profileId, elementId: { in: files.map((f) => f.elementId) } }, select: { flowId: true, elementId: true, name: true } }),
    db.workflow.findMany({ where: { id: { in: [...new Set(files.map((f) => f.flowId))] } }, select: { id: true, name: true } }),
  ]);
  const nameOf = new Map(fields.map((f) => [`${f.flowId}\u0000${f.elementId}`, f.name]));
  const workflowOf = new Map(workflows.map((w) => [w.id, w.name]));
  return files.map((f) => ({
    ...f,
    label: nameOf.get(`${f.flowId}\u0000${f.elementId}`) ?? f.elementId,
    workflow: workflowOf.get(f.flowId) ?? null,
    href: `/api/files/trulioo/${profileId}/${encodeURIComponent(f.flowId)}/${encodeURIComponent(f.elementId)}/${f.position}?enhanced=${f.enhanced ? 1 : 0}`,
  }));
}

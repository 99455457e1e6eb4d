import "server-only";
import { getDb } from "@/lib/db";

export type TProfileFileRef = { flowId: string; elementId: string; position: number; enhanced: boolean; href: string };

/** A profile's Trulioo files as download references (our own route; the upstream key never leaves the server). */
export async function findProfileFiles(profileId: string): Promise<TProfileFileRef[]> {
  const files = await getDb().profileFile.findMany({
    where: { profileId },
    select: { flowId: true, elementId: true, position: true, enhanced: true },
    orderBy: [{ flowId: "asc" }, { elementId: "asc" }, { enhanced: "asc" }, { position: "asc" }],
  });
  return files.map((f) => ({
    ...f,
    href: `/api/files/trulioo/${profileId}/${encodeURIComponent(f.flowId)}/${encodeURIComponent(f.elementId)}/${f.position}?enhanced=${f.enhanced ? 1 : 0}`,
  }));
}

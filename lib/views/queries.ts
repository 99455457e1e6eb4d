import "server-only";
import { getDb } from "@/lib/db";
import type { TSavedView, TSavedViewList } from "./schemas";

/** The user's own views of a list, then those others share, by name. */
export async function findSavedViews(userId: string, list: TSavedViewList): Promise<TSavedView[]> {
  const views = await getDb().savedView.findMany({
    where: { list, OR: [{ ownerId: userId }, { shared: true }] },
    orderBy: [{ name: "asc" }],
    select: { id: true, name: true, query: true, shared: true, ownerId: true, owner: { select: { name: true } } },
    take: 200,
  });
  return views
    .map((v) => ({ id: v.id, name: v.name, query: v.query, shared: v.shared, mine: v.ownerId === userId, ownerName: v.owner.name }))
    .sort((a, b) => Number(b.mine) - Number(a.mine));
}

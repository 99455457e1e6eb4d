import "server-only";
import { getDb } from "@/lib/db";

export type TUserRow = Awaited<ReturnType<typeof findUsers>>[number];

export async function findUsers() {
  return getDb().user.findMany({
    orderBy: [{ active: "desc" }, { role: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      mustChangePassword: true,
      lastSignInAt: true,
      createdAt: true,
      deactivatedAt: true,
    },
  });
}

import "server-only";
import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_USERS } from "./demo-users";

export { DEMO_USERS };

/** Creates the demo users that are missing; existing ones (and any changes made to them) stay as they are. */
export async function seedDemoUsers(db: Db): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: demo.email }, select: { id: true } });
    if (existing) continue;
    await db.user.create({
      data: { email: demo.email, name: demo.name, role: demo.role, passwordHash: await hashPassword(demo.password) },
    });
    created.push(demo.email);
  }
  return { created };
}

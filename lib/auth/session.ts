import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { getRequestContext } from "@/lib/audit/context";
import { getAuthOptions } from "./options";
import { can, type TPermission, type TRole } from "./permissions";

export type TCurrentUser = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  mustChangePassword: boolean;
};

/**
 * The signed-in user as the database knows them now: a deactivated user or a changed role takes
 * effect on the next request, whatever the session cookie still says.
 */
export const getCurrentUser = cache(async (): Promise<TCurrentUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, active: true, mustChangePassword: true },
  });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, mustChangePassword: user.mustChangePassword };
});

export async function recordDenied(user: TCurrentUser, permission: TPermission, resource: string): Promise<void> {
  await recordAudit(getDb(), {
    actor: { id: user.id, email: user.email, role: user.role },
    action: "permission.denied",
    outcome: "DENIED",
    details: { permission, resource },
    request: await getRequestContext(),
  });
}

async function currentPath(): Promise<string> {
  const h = await headers();
  return h.get("x-pathname") ?? "/";
}

/** For pages: no session -> /login with a return URL; missing permission -> the 403 page. */
export async function requirePageUser(permission?: TPermission): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  const path = await currentPath();
  if (!user) {
    const session = await getServerSession(getAuthOptions());
    const reason = session ? "&error=SessionEnded" : "";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}${reason}`);
  }
  if (user.mustChangePassword && !path.startsWith("/account/password")) {
    redirect(`/account/password?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (permission && !can(user.role, permission)) {
    await recordDenied(user, permission, path);
    forbidden();
  }
  return user;
}

/** For route handlers: throws AppError(UNAUTHENTICATED | FORBIDDEN), which routes answer as JSON. */
export async function requireApiUser(permission: TPermission, resource: string): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  if (!can(user.role, permission)) {
    await recordDenied(user, permission, resource);
    throw new AppError("FORBIDDEN", "Your role does not allow this.");
  }
  return user;
}

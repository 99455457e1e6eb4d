import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { forbidden, redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { getRequestContext } from "@/lib/audit/context";
import { getEnv } from "@/lib/env";
import { sessionCookie } from "./sessions";
import { can, type TPermission, type TRole } from "./permissions";

export type TCurrentUser = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  mustChangePassword: boolean;
};

const ZSessionClaimsSchema = z.object({ uid: z.string().uuid(), sid: z.string().uuid() });

type TSessionState = { user: TCurrentUser | null; hadToken: boolean };

/**
 * The signed-in user as the database knows them now. The cookie only names a session: its row must
 * be live (not revoked by sign-out, a password or role change, or deactivation; not past its expiry)
 * and its user active, so any of those ends the session at the very next request.
 */
const readSession = cache(async (): Promise<TSessionState> => {
  const token = await getToken({
    req: { cookies: await cookies(), headers: await headers() } as never,
    secret: getEnv().NEXTAUTH_SECRET,
    secureCookie: sessionCookie().secure,
  });
  const claims = ZSessionClaimsSchema.safeParse(token);
  if (!claims.success) return { user: null, hadToken: token !== null };
  const session = await getDb().userSession.findFirst({
    where: { id: claims.data.sid, userId: claims.data.uid, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { user: { select: { id: true, email: true, name: true, role: true, active: true, mustChangePassword: true } } },
  });
  const user = session?.user;
  if (!user || !user.active) return { user: null, hadToken: true };
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, mustChangePassword: user.mustChangePassword },
    hadToken: true,
  };
});

export async function getCurrentUser(): Promise<TCurrentUser | null> {
  return (await readSession()).user;
}

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
  const { user, hadToken } = await readSession();
  const path = await currentPath();
  if (!user) {
    const reason = hadToken ? "&error=SessionEnded" : "";
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

/**
 * A user who still holds a one-time password may do nothing but change it: every route and every
 * server action refuses them (audited), except the change-password action, which opts in.
 */
export async function refusePendingPasswordChange(user: TCurrentUser, resource: string): Promise<void> {
  if (!user.mustChangePassword) return;
  await recordAudit(getDb(), {
    actor: { id: user.id, email: user.email, role: user.role },
    action: "permission.denied",
    outcome: "DENIED",
    details: { reason: "password_change_required", resource },
    request: await getRequestContext(),
  });
  throw new AppError("FORBIDDEN", "Change your one-time password first.");
}

/** For route handlers: throws AppError(UNAUTHENTICATED | FORBIDDEN), which routes answer as JSON. */
export async function requireApiUser(permission: TPermission, resource: string): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  await refusePendingPasswordChange(user, resource);
  if (!can(user.role, permission)) {
    await recordDenied(user, permission, resource);
    throw new AppError("FORBIDDEN", "Your role does not allow this.");
  }
  return user;
}

import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import type { Db, DbTransaction } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { TRequestContext } from "@/lib/audit/schemas";
import type { TRole } from "./permissions";

export type TSessionEndReason = "sign_out" | "password_reset" | "password_change" | "role_change" | "deactivated";

function maxAgeSeconds(): number {
  return Math.round(getEnv().SESSION_MAX_AGE_HOURS * 3600);
}

/** next-auth's own cookie naming: the __Secure- prefix (and the Secure flag) whenever the app is served over https. */
export function sessionCookie(): { name: string; secure: boolean } {
  const secure = getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false;
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, secure };
}

/** A new server-side session row; its id travels in the JWT as `sid`. */
export async function createSession(db: Db | DbTransaction, userId: string, request: TRequestContext | null): Promise<string> {
  const row = await db.userSession.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + maxAgeSeconds() * 1000),
      ip: request?.ip ?? null,
      userAgent: request?.userAgent?.slice(0, 512) ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

export async function revokeSession(db: Db | DbTransaction, sessionId: string, reason: TSessionEndReason): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
}

/** Ends every open session of a user; call it inside the transaction of the change that requires it. */
export async function revokeUserSessions(db: Db | DbTransaction, userId: string, reason: TSessionEndReason): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}

/**
 * Starts a fresh session for the current browser after its old ones were revoked (the user's own
 * password change): a new row, and a new session cookie set on this response.
 */
export async function startFreshSession(
  db: Db,
  user: { id: string; email: string; name: string; role: TRole },
  request: TRequestContext,
): Promise<void> {
  const sid = await createSession(db, user.id, request);
  const maxAge = maxAgeSeconds();
  const token = await encode({
    token: { sub: user.id, uid: user.id, role: user.role, sid, name: user.name, email: user.email },
    secret: getEnv().NEXTAUTH_SECRET,
    maxAge,
  });
  const { name, secure } = sessionCookie();
  (await cookies()).set(name, token, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge });
}

import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { getEnv, isOidcEnabled } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import type { TRequestContext } from "@/lib/audit/schemas";
import { getRequestContext } from "@/lib/audit/context";
import { errorFields, log } from "@/lib/log";
import { safeSamePath } from "./callback-url";
import { createSession, revokeSession } from "./sessions";
import { ZRoleSchema } from "./permissions";
import { authenticateWithPassword, SIGN_IN_ACTION } from "./sign-in";
import { throttleConfigFrom } from "./throttle";

/** The request behind a next-auth callback, or none when a callback runs outside one. */
async function currentRequest(): Promise<TRequestContext> {
  try {
    return await getRequestContext();
  } catch {
    return { requestId: randomUUID(), ip: null, userAgent: null };
  }
}

/** Where next-auth may send the browser: this origin, and a path that the return-URL rules accept. */
export function safeRedirect(url: string, baseUrl: string): string {
  try {
    const base = new URL(baseUrl);
    const target = new URL(url, base);
    if (target.origin !== base.origin) return baseUrl;
    return `${base.origin}${safeSamePath(`${target.pathname}${target.search}${target.hash}`) ?? "/"}`;
  } catch {
    return baseUrl;
  }
}

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const maxAge = Math.round(env.SESSION_MAX_AGE_HOURS * 3600);
  const throttle = throttleConfigFrom(env);

  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const result = await authenticateWithPassword(getDb(), credentials, await currentRequest(), throttle);
        // next-auth hands a thrown message to the sign-in page as `error`; the page maps it to text.
        if (!result.ok) throw new Error(result.error);
        return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role };
      },
    }),
  ];

  if (isOidcEnabled(env)) {
    const issuer = env.OIDC_ISSUER!.replace(/\/$/, "");
    providers.push({
      id: "oidc",
      name: env.OIDC_DISPLAY_NAME,
      type: "oauth",
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; email_verified?: boolean; name?: string }) {
        // An address the identity provider itself calls unverified proves nothing about who signs in.
        const email = profile.email_verified === false ? null : (profile.email?.toLowerCase() ?? null);
        return { id: profile.sub, email, name: profile.name ?? null };
      },
    });
  }

  cached = {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/login", error: "/login" },
    providers,
    logger: {
      error: (code, metadata) => log.error({ component: "next-auth", code, ...errorFields(metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error ?? metadata) }, "auth error"),
      warn: (code) => log.warn({ component: "next-auth", code }, "auth warning"),
      debug: () => undefined,
    },
    events: {
      // Signing out ends the session on the server, not only the cookie in this browser.
      async signOut({ token }) {
        const sid = typeof token?.sid === "string" ? token.sid : null;
        if (!sid) return;
        await revokeSession(getDb(), sid, "sign_out");
        await recordAudit(getDb(), {
          actor: { id: typeof token.uid === "string" ? token.uid : null, email: token.email ?? null, role: ZRoleSchema.safeParse(token.role).data ?? null },
          action: "auth.sign_out",
          outcome: "SUCCESS",
          target: typeof token.uid === "string" ? { type: "user", id: token.uid } : null,
          request: await currentRequest(),
        });
      },
    },
    callbacks: {
      // SSO only admits people an admin has already created; it never provisions accounts.
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        const email = user.email?.toLowerCase() ?? "";
        const local = email ? await getDb().user.findUnique({ where: { email } }) : null;
        const ok = Boolean(local?.active);
        await recordAudit(getDb(), {
          actor: { id: local?.id ?? null, email: email || null, role: local?.role ?? null },
          action: SIGN_IN_ACTION,
          outcome: ok ? "SUCCESS" : "FAILED",
          details: { method: "oidc", ...(ok ? {} : { reason: local ? "deactivated" : "no_account" }) },
          request: await currentRequest(),
        });
        if (ok && local) await getDb().user.update({ where: { id: local.id }, data: { lastSignInAt: new Date() } });
        return ok ? true : "/login?error=OidcNoAccount";
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const local =
            account.provider === "oidc" && user.email
              ? await getDb().user.findUnique({ where: { email: user.email.toLowerCase() } })
              : null;
          token.uid = local?.id ?? user.id;
          token.role = local?.role ?? (user as { role?: string }).role;
          token.sid = await createSession(getDb(), token.uid, await currentRequest());
        }
        return token;
      },
      // next-auth's default throws on a relative value that is not a path (`?callbackUrl=abc` gave a 500).
      redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
      async session({ session, token }) {
        const role = ZRoleSchema.safeParse(token.role);
        if (session.user && typeof token.uid === "string" && role.success) {
          session.user.id = token.uid;
          session.user.role = role.data;
        }
        return session;
      },
    },
  };
  return cached;
}

import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { getEnv, isOidcEnabled } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import type { TRequestContext } from "@/lib/audit/schemas";
import { ZRoleSchema } from "./permissions";
import { authenticateWithPassword, SIGN_IN_ACTION } from "./sign-in";

type RawHeaders = Record<string, string | string[] | undefined> | undefined;

function contextFromRaw(raw: RawHeaders): TRequestContext {
  const first = (name: string) => {
    const value = raw?.[name];
    return (Array.isArray(value) ? value[0] : value) ?? null;
  };
  return {
    requestId: first("x-request-id") ?? randomUUID(),
    ip: first("x-forwarded-for")?.split(",")[0]?.trim() || first("x-real-ip"),
    userAgent: first("user-agent"),
  };
}

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const maxAge = Math.round(env.SESSION_MAX_AGE_HOURS * 3600);
  const throttle = { maxFailures: env.SIGNIN_MAX_FAILURES, windowMinutes: env.SIGNIN_WINDOW_MINUTES };

  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const result = await authenticateWithPassword(getDb(), credentials, contextFromRaw(req.headers), throttle);
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
          request: { requestId: randomUUID(), ip: null, userAgent: null },
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
        }
        return token;
      },
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

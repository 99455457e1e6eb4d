import "server-only";
import { z } from "zod";
import type { Db, DbTransaction } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { TRequestContext } from "@/lib/audit/schemas";
import type { TRole } from "./permissions";
import { verifyPassword } from "./password";
import { evaluateThrottle, type TThrottleConfig } from "./throttle";

export const SIGN_IN_ACTION = "auth.sign_in";

export const ZCredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

/** Error codes the login page turns into messages (next-auth passes them through as `error`). */
export const SIGN_IN_ERRORS = {
  CredentialsSignin: "Wrong email or password.",
  TooManyAttempts: "Too many failed sign-ins for this email. Try again later.",
  AccountDisabled: "This account is deactivated. Ask an administrator to reactivate it.",
  SessionEnded: "Your session has ended. Please sign in again.",
  OidcNoAccount: "No active Compliance Desk account uses this email. Ask an administrator.",
} as const;

export type TSignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: TRole } }
  | { ok: false; error: keyof typeof SIGN_IN_ERRORS; retryAfterSeconds?: number };

async function throttleFor(db: Db | DbTransaction, email: string, now: Date, config: TThrottleConfig) {
  const since = new Date(now.getTime() - config.windowMinutes * 60_000);
  const [failures, lastSuccess] = await Promise.all([
    db.auditEvent.findMany({
      where: { actorEmail: email, action: SIGN_IN_ACTION, outcome: "FAILED", at: { gt: since } },
      select: { at: true },
      orderBy: { at: "desc" },
      take: config.maxFailures,
    }),
    db.auditEvent.findFirst({
      where: { actorEmail: email, action: SIGN_IN_ACTION, outcome: "SUCCESS", at: { gt: since } },
      select: { at: true },
      orderBy: { at: "desc" },
    }),
  ]);
  return evaluateThrottle(failures.map((f) => f.at), lastSuccess?.at ?? null, now, config);
}

/**
 * Checks email and password, throttled per email; every attempt is an audit event. Failed attempts
 * are counted from the audit log itself, so throttling holds across app replicas.
 */
export async function authenticateWithPassword(
  db: Db,
  input: unknown,
  request: TRequestContext,
  config: TThrottleConfig,
  now: Date = new Date(),
): Promise<TSignInResult> {
  const parsed = ZCredentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "CredentialsSignin" };
  const { email, password } = parsed.data;
  // Attempts for one email run one at a time (a transaction-scoped lock), so a burst of parallel
  // guesses cannot all read the same failure count before any of them is recorded.
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`signin:${email}`}))`;
      return attempt(tx, email, password, request, config, now);
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

async function attempt(
  db: DbTransaction,
  email: string,
  password: string,
  request: TRequestContext,
  config: TThrottleConfig,
  now: Date,
): Promise<TSignInResult> {
  const fail = async (error: keyof typeof SIGN_IN_ERRORS, reason: string, user?: { id: string; role: TRole }) => {
    await recordAudit(db, {
      actor: { id: user?.id ?? null, email, role: user?.role ?? null },
      action: SIGN_IN_ACTION,
      outcome: "FAILED",
      details: { reason, method: "password" },
      request,
    });
    return error;
  };

  const throttle = await throttleFor(db, email, now, config);
  if (throttle.locked) {
    await fail("TooManyAttempts", "throttled");
    return { ok: false, error: "TooManyAttempts", retryAfterSeconds: throttle.retryAfterSeconds };
  }

  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(password, user?.passwordHash);
  if (!user || !passwordOk) {
    return { ok: false, error: await fail("CredentialsSignin", user ? "wrong_password" : "unknown_email", user ?? undefined) };
  }
  if (!user.active) {
    return { ok: false, error: await fail("AccountDisabled", "deactivated", user) };
  }

  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  await recordAudit(db, {
    actor: { id: user.id, email: user.email, role: user.role },
    action: SIGN_IN_ACTION,
    outcome: "SUCCESS",
    target: { type: "user", id: user.id },
    details: { method: "password" },
    request,
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

import "server-only";
import { z } from "zod";
import type { Db, DbTransaction } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { TRequestContext } from "@/lib/audit/schemas";
import type { TRole } from "./permissions";
import { verifyPassword } from "./password";
import {
  lockedForSeconds,
  registerFailure,
  settleThrottle,
  throttlePolicies,
  type TThrottleConfig,
  type TThrottleKind,
  type TThrottlePolicy,
} from "./throttle";
import { clearThrottle, countRefusal, lockThrottle, readThrottle, saveThrottle, THROTTLE_KINDS, throttleKeys, type TThrottleKey } from "./throttle-store";

export const SIGN_IN_ACTION = "auth.sign_in";
/** One summary row when a lock starts; the tries it refuses are counted on the throttle row instead. */
export const SIGN_IN_LOCKED_ACTION = "auth.sign_in_locked";

export const ZCredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

/** Error codes the login page turns into messages (next-auth passes them through as `error`). */
export const SIGN_IN_ERRORS = {
  CredentialsSignin: "Wrong email or password.",
  TooManyAttempts: "Too many failed sign-ins from this address. Try again later.",
  AccountDisabled: "This account is deactivated. Ask an administrator to reactivate it.",
  SessionEnded: "Your session has ended. Please sign in again.",
  OidcNoAccount: "No active Compliance Desk account uses this email. Ask an administrator.",
} as const;

export type TSignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: TRole } }
  | { ok: false; error: keyof typeof SIGN_IN_ERRORS; retryAfterSeconds?: number };

/**
 * Checks email and password, throttled per (email, client address) and per client address
 * (lib/auth/throttle.ts). Every genuine attempt is an audit event; a refused one is only counted.
 * The throttle rows live in the database, so the limits hold across app replicas.
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
  // guesses from one address cannot all read the same failure count before any of them is recorded:
  // it gets exactly the limit. Across emails, the per-address row is updated under a row lock.
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

  const policies = throttlePolicies(config);
  const keys = throttleKeys(email, request.ip);
  const locked = await findLocks(db, keys, policies, now);
  // Refused before the password is looked at, so a lock is no oracle for it.
  if (locked) {
    await countRefusal(db, locked.keys);
    return { ok: false, error: "TooManyAttempts", retryAfterSeconds: locked.retryAfterSeconds };
  }

  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(password, user?.passwordHash);
  if (!user || !passwordOk) {
    const error = await fail("CredentialsSignin", user ? "wrong_password" : "unknown_email", user ?? undefined);
    for (const kind of THROTTLE_KINDS) await countFailure(db, keys[kind], policies[kind], email, request, now);
    return { ok: false, error };
  }
  // The right password of a deactivated account is no guess: refused, audited, not counted.
  if (!user.active) {
    return { ok: false, error: await fail("AccountDisabled", "deactivated", user) };
  }

  await clearThrottle(db, keys.EMAIL_IP);

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

async function findLocks(
  db: DbTransaction,
  keys: Record<TThrottleKind, TThrottleKey>,
  policies: Record<TThrottleKind, TThrottlePolicy>,
  now: Date,
): Promise<{ keys: TThrottleKey[]; retryAfterSeconds: number } | null> {
  const locked: { key: TThrottleKey; seconds: number }[] = [];
  for (const kind of THROTTLE_KINDS) {
    const seconds = lockedForSeconds(settleThrottle(await readThrottle(db, keys[kind]), now, policies[kind]), now);
    if (seconds !== null) locked.push({ key: keys[kind], seconds });
  }
  if (locked.length === 0) return null;
  return { keys: locked.map((l) => l.key), retryAfterSeconds: Math.max(...locked.map((l) => l.seconds)) };
}

async function countFailure(
  db: DbTransaction,
  key: TThrottleKey,
  policy: TThrottlePolicy,
  email: string,
  request: TRequestContext,
  now: Date,
): Promise<void> {
  const { state, lock } = registerFailure(settleThrottle(await lockThrottle(db, key, now), now, policy), now, policy);
  await saveThrottle(db, key, state);
  if (!lock) return;
  await recordAudit(db, {
    actor: { id: null, email, role: null },
    action: SIGN_IN_LOCKED_ACTION,
    outcome: "DENIED",
    target: { type: "sign_in_throttle", id: key.key },
    details: {
      kind: key.kind,
      failures: lock.failures,
      until: lock.until.toISOString(),
      lockCount: lock.lockCount,
      refusedDuringPreviousLock: lock.refusedBefore,
    },
    request,
  });
}

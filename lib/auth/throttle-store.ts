import "server-only";
import type { DbTransaction } from "@/lib/db";
import type { TThrottleKind, TThrottleState } from "./throttle";

export type TThrottleKey = { key: string; kind: TThrottleKind };

export const THROTTLE_KINDS: readonly TThrottleKind[] = ["EMAIL_IP", "IP"];

// The key is a primary key (an index entry), so the address part is bounded; an IPv6 text form is
// at most 45 characters. A request without an address counts as one "unknown" address.
const MAX_ADDRESS = 100;

export function throttleKeys(email: string, ip: string | null): Record<TThrottleKind, TThrottleKey> {
  const address = (ip?.trim() || "unknown").toLowerCase().slice(0, MAX_ADDRESS);
  return {
    EMAIL_IP: { key: `email_ip:${email}|${address}`, kind: "EMAIL_IP" },
    IP: { key: `ip:${address}`, kind: "IP" },
  };
}

const STATE_FIELDS = { failures: true, windowStart: true, lockedUntil: true, lockCount: true, refused: true } as const;

/** A plain read, for the check before the password is verified. */
export function readThrottle(tx: DbTransaction, key: TThrottleKey): Promise<TThrottleState | null> {
  return tx.signInThrottle.findUnique({ where: { key: key.key }, select: STATE_FIELDS });
}

/**
 * Reads the row under a row lock (created first if missing), so attempts for other emails from the
 * same address add their failures one after the other instead of overwriting each other. The lock
 * is taken after the password check, so it is held only for the end of the transaction.
 */
export async function lockThrottle(tx: DbTransaction, key: TThrottleKey, now: Date): Promise<TThrottleState> {
  await tx.signInThrottle.createMany({ data: [{ key: key.key, kind: key.kind, windowStart: now }], skipDuplicates: true });
  await tx.$queryRaw`SELECT key FROM sign_in_throttles WHERE key = ${key.key} FOR UPDATE`;
  return tx.signInThrottle.findUniqueOrThrow({ where: { key: key.key }, select: STATE_FIELDS });
}

export async function saveThrottle(tx: DbTransaction, key: TThrottleKey, state: TThrottleState): Promise<void> {
  await tx.signInThrottle.update({ where: { key: key.key }, data: state });
}

/** A refused try is only counted: it writes no audit row and leaves the lock's end where it was. */
export async function countRefusal(tx: DbTransaction, keys: TThrottleKey[]): Promise<void> {
  await tx.signInThrottle.updateMany({ where: { key: { in: keys.map((k) => k.key) } }, data: { refused: { increment: 1 } } });
}

export async function clearThrottle(tx: DbTransaction, key: TThrottleKey): Promise<void> {
  await tx.signInThrottle.deleteMany({ where: { key: key.key } });
}

/**
 * Sign-in throttling, as pure state transitions (lib/auth/throttle-store.ts keeps the rows).
 *
 * Two counters see every genuine failure: one per (email, client address), so guesses from one address
 * lock that address out of that email without locking the owner out from anywhere else, and one per
 * client address across all emails, with a higher limit, against spraying many accounts.
 */

export type TThrottleConfig = {
  maxFailures: number;
  windowMinutes: number;
  /** Failures from one address across all emails within a window; defaults to 4× maxFailures. */
  maxFailuresPerIp?: number;
  /** The longest a lock lasts (and the quiet period that forgets earlier locks); defaults to 24 windows. */
  maxLockMinutes?: number;
};

export type TThrottleKind = "EMAIL_IP" | "IP";

export type TThrottlePolicy = { maxFailures: number; windowMs: number; maxLockMs: number };

export type TThrottleState = {
  /** Genuine failures in the current window (reset when a lock starts). */
  failures: number;
  /** When the first failure of the current window happened. */
  windowStart: Date;
  /** When the latest lock ends (or ended: kept to measure the quiet period). */
  lockedUntil: Date | null;
  /** Locks so far, for the backoff; forgotten after a quiet period. */
  lockCount: number;
  /** Tries refused since the latest lock started (never audited one by one). */
  refused: number;
};

export type TLockStart = { until: Date; failures: number; lockCount: number; refusedBefore: number };

const MINUTE = 60_000;

/** The throttle settings from the typed environment (lib/env.ts). */
export function throttleConfigFrom(env: {
  SIGNIN_MAX_FAILURES: number;
  SIGNIN_WINDOW_MINUTES: number;
  SIGNIN_MAX_FAILURES_PER_IP: number;
  SIGNIN_MAX_LOCK_MINUTES?: number;
}): TThrottleConfig {
  return {
    maxFailures: env.SIGNIN_MAX_FAILURES,
    windowMinutes: env.SIGNIN_WINDOW_MINUTES,
    maxFailuresPerIp: env.SIGNIN_MAX_FAILURES_PER_IP,
    maxLockMinutes: env.SIGNIN_MAX_LOCK_MINUTES,
  };
}

export function throttlePolicies(config: TThrottleConfig): Record<TThrottleKind, TThrottlePolicy> {
  const windowMs = config.windowMinutes * MINUTE;
  const maxLockMs = Math.max(windowMs, (config.maxLockMinutes ?? config.windowMinutes * 24) * MINUTE);
  return {
    EMAIL_IP: { maxFailures: config.maxFailures, windowMs, maxLockMs },
    IP: { maxFailures: config.maxFailuresPerIp ?? config.maxFailures * 4, windowMs, maxLockMs },
  };
}

export function emptyThrottleState(now: Date): TThrottleState {
  return { failures: 0, windowStart: now, lockedUntil: null, lockCount: 0, refused: 0 };
}

/** One window for the first lock, doubling with each lock that follows, never past the cap. */
export function lockDurationMs(lockCount: number, policy: TThrottlePolicy): number {
  return Math.min(policy.windowMs * 2 ** Math.min(lockCount, 30), policy.maxLockMs);
}

/** The state as of `now`: failures of a window that has passed are dropped, old locks forgotten. */
export function settleThrottle(state: TThrottleState | null, now: Date, policy: TThrottlePolicy): TThrottleState {
  if (!state) return emptyThrottleState(now);
  const next = { ...state };
  const t = now.getTime();
  if (next.failures > 0 && t - next.windowStart.getTime() >= policy.windowMs) next.failures = 0;
  if (next.lockedUntil && t >= next.lockedUntil.getTime() + policy.maxLockMs) next.lockCount = 0;
  return next;
}

/** Seconds until the lock ends, or null when not locked. */
export function lockedForSeconds(state: TThrottleState, now: Date): number | null {
  if (!state.lockedUntil) return null;
  const ms = state.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : null;
}

/**
 * A genuine failure (wrong password or unknown email) on a settled state. A state locked meanwhile
 * (a parallel attempt from the same address for another email) is left as it is: nothing a try does
 * while a lock holds may lengthen it.
 */
export function registerFailure(
  state: TThrottleState,
  now: Date,
  policy: TThrottlePolicy,
): { state: TThrottleState; lock: TLockStart | null } {
  if (lockedForSeconds(state, now) !== null) return { state, lock: null };
  const failures = state.failures + 1;
  const windowStart = state.failures === 0 ? now : state.windowStart;
  if (failures < policy.maxFailures) return { state: { ...state, failures, windowStart }, lock: null };
  const until = new Date(now.getTime() + lockDurationMs(state.lockCount, policy));
  const lockCount = state.lockCount + 1;
  return {
    state: { failures: 0, windowStart: now, lockedUntil: until, lockCount, refused: 0 },
    lock: { until, failures, lockCount, refusedBefore: state.refused },
  };
}

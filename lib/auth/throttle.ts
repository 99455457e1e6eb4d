export type TThrottleConfig = { maxFailures: number; windowMinutes: number };

export type TThrottleDecision =
  | { locked: false; remaining: number }
  | { locked: true; retryAfterSeconds: number };

/**
 * Failed sign-ins for one email within the window lock that email until the oldest counted failure
 * leaves the window. A successful sign-in clears the count (failures before it are ignored).
 */
export function evaluateThrottle(
  failures: readonly Date[],
  lastSuccess: Date | null,
  now: Date,
  config: TThrottleConfig,
): TThrottleDecision {
  const windowMs = config.windowMinutes * 60_000;
  const since = Math.max(now.getTime() - windowMs, lastSuccess ? lastSuccess.getTime() : 0);
  const counted = failures.map((d) => d.getTime()).filter((t) => t > since).sort((a, b) => a - b);
  if (counted.length < config.maxFailures) {
    return { locked: false, remaining: config.maxFailures - counted.length };
  }
  // The lock lifts once enough failures have aged out to fall below the limit.
  const pivot = counted[counted.length - config.maxFailures] ?? now.getTime();
  const retryAfterMs = pivot + windowMs - now.getTime();
  return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

import { describe, expect, it } from "vitest";
import {
  emptyThrottleState,
  lockDurationMs,
  lockedForSeconds,
  registerFailure,
  settleThrottle,
  throttleConfigFrom,
  throttlePolicies,
  type TThrottleState,
} from "./throttle";

const MINUTE = 60_000;
const policies = throttlePolicies({ maxFailures: 5, windowMinutes: 15, maxFailuresPerIp: 20 });
const policy = policies.EMAIL_IP;
const now = new Date("2026-11-25T12:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);

function failTimes(state: TThrottleState, times: number, when: Date) {
  let s = state;
  let lock = null;
  for (let i = 0; i < times; i += 1) ({ state: s, lock } = registerFailure(settleThrottle(s, when, policy), when, policy));
  return { state: s, lock };
}

describe("sign-in throttle", () => {
  it("derives both limits, a 24-window cap by default and the settings from the environment", () => {
    expect(policies).toEqual({
      EMAIL_IP: { maxFailures: 5, windowMs: 15 * MINUTE, maxLockMs: 6 * 60 * MINUTE },
      IP: { maxFailures: 20, windowMs: 15 * MINUTE, maxLockMs: 6 * 60 * MINUTE },
    });
    expect(throttlePolicies({ maxFailures: 3, windowMinutes: 10 }).IP.maxFailures).toBe(12);
    expect(
      throttleConfigFrom({ SIGNIN_MAX_FAILURES: 5, SIGNIN_WINDOW_MINUTES: 15, SIGNIN_MAX_FAILURES_PER_IP: 30, SIGNIN_MAX_LOCK_MINUTES: 120 }),
    ).toEqual({ maxFailures: 5, windowMinutes: 15, maxFailuresPerIp: 30, maxLockMinutes: 120 });
  });

  it("counts failures below the limit without locking", () => {
    const { state, lock } = failTimes(emptyThrottleState(now), 4, now);
    expect(lock).toBeNull();
    expect(state).toMatchObject({ failures: 4, lockedUntil: null });
    expect(lockedForSeconds(state, now)).toBeNull();
  });

  it("locks at the limit for one window and starts counting afresh", () => {
    const { state, lock } = failTimes(emptyThrottleState(now), 5, now);
    expect(lock).toEqual({ until: at(15), failures: 5, lockCount: 1, refusedBefore: 0 });
    expect(state).toMatchObject({ failures: 0, lockCount: 1, lockedUntil: at(15) });
    expect(lockedForSeconds(state, at(5))).toBe(10 * 60);
    expect(lockedForSeconds(state, at(15))).toBeNull();
  });

  it("drops the failures of a window that has passed", () => {
    const { state } = failTimes(emptyThrottleState(now), 4, now);
    expect(settleThrottle(state, at(15), policy).failures).toBe(0);
    expect(settleThrottle(state, at(14), policy).failures).toBe(4);
  });

  it("never lengthens a lock that holds", () => {
    const { state } = failTimes(emptyThrottleState(now), 5, now);
    const again = registerFailure(settleThrottle(state, at(1), policy), at(1), policy);
    expect(again).toEqual({ state, lock: null });
  });

  it("doubles each following lock up to the cap and forgets after a quiet period as long as the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 60].map((n) => lockDurationMs(n, policy) / MINUTE)).toEqual([15, 30, 60, 120, 240, 360, 360, 360]);
    const locked = { ...emptyThrottleState(now), lockCount: 3, lockedUntil: now };
    expect(settleThrottle(locked, at(359), policy).lockCount).toBe(3);
    expect(settleThrottle(locked, at(360), policy).lockCount).toBe(0);
  });

  it("reports the refused tries of the previous lock when the next one starts", () => {
    const state = { ...emptyThrottleState(now), lockCount: 1, lockedUntil: now, refused: 42 };
    const { lock, state: next } = failTimes(state, 5, at(1));
    expect(lock).toMatchObject({ refusedBefore: 42, lockCount: 2, until: at(31) });
    expect(next.refused).toBe(0);
  });
});

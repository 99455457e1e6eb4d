import { describe, expect, it } from "vitest";
import { evaluateThrottle } from "./throttle";

const config = { maxFailures: 5, windowMinutes: 15 };
const now = new Date("2026-11-25T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("sign-in throttle", () => {
  it("allows sign-in below the limit and counts what is left", () => {
    expect(evaluateThrottle([minutesAgo(1), minutesAgo(2)], null, now, config)).toEqual({ locked: false, remaining: 3 });
  });

  it("locks at the limit until the oldest counted failure leaves the window", () => {
    const failures = [1, 2, 3, 4, 10].map(minutesAgo);
    const decision = evaluateThrottle(failures, null, now, config);
    expect(decision).toEqual({ locked: true, retryAfterSeconds: 5 * 60 });
  });

  it("ignores failures older than the window", () => {
    const failures = [1, 2, 3, 4, 16, 20].map(minutesAgo);
    expect(evaluateThrottle(failures, null, now, config)).toEqual({ locked: false, remaining: 1 });
  });

  it("a successful sign-in clears earlier failures", () => {
    const failures = [6, 7, 8, 9, 10].map(minutesAgo);
    expect(evaluateThrottle(failures, minutesAgo(5), now, config)).toEqual({ locked: false, remaining: 5 });
  });

  it("uses the most recent failures when there are more than the limit", () => {
    const failures = [1, 2, 3, 4, 5, 14].map(minutesAgo);
    expect(evaluateThrottle(failures, null, now, config)).toEqual({ locked: true, retryAfterSeconds: 10 * 60 });
  });
});

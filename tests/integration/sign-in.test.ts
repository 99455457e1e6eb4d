import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../lib/auth/password";
import { authenticateWithPassword } from "../../lib/auth/sign-in";
import { createTestDb, TEST_REQUEST, uniqueEmail } from "../support/db";

const config = { maxFailures: 5, windowMinutes: 15, maxFailuresPerIp: 20 };
const MINUTE = 60_000;

// Every scenario signs in from addresses of its own: the per-address limit spans all emails, and
// the test files share one database.
const address = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const from = (ip: string | null) => ({ ...TEST_REQUEST, ip });

describe("password sign-in", () => {
  const db = createTestDb();
  afterAll(() => db.$disconnect());

  async function makeUser(overrides: { active?: boolean } = {}) {
    const email = uniqueEmail("signin");
    await db.user.create({
      data: { email, name: "Søren Kierkegaard", role: "ANALYST", passwordHash: await hashPassword("right-password-1"), ...overrides },
    });
    return email;
  }

  const attempts = (email: string) =>
    db.auditEvent.findMany({ where: { actorEmail: email, action: "auth.sign_in" }, orderBy: { id: "asc" } });
  const locks = (email: string) =>
    db.auditEvent.findMany({ where: { actorEmail: email, action: "auth.sign_in_locked" }, orderBy: { id: "asc" } });
  const signIn = (email: string, password: string, ip: string | null, at?: Date, options = config) =>
    authenticateWithPassword(db, { email, password }, from(ip), options, at);
  const retryAfter = (result: Awaited<ReturnType<typeof signIn>>) => (result.ok ? null : (result.retryAfterSeconds ?? null));

  it("signs in with the right password, case-insensitively on the email, and audits it", async () => {
    const email = await makeUser();
    const result = await authenticateWithPassword(db, { email: email.toUpperCase(), password: "right-password-1" }, TEST_REQUEST, config);
    expect(result).toMatchObject({ ok: true, user: { email, role: "ANALYST" } });
    const events = await attempts(email);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: "SUCCESS", requestId: "test-request", ip: "127.0.0.1" });
    expect(JSON.stringify(events[0]!.details)).not.toContain("right-password-1");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).lastSignInAt).not.toBeNull();
  });

  it("refuses a wrong password and an unknown email alike, auditing both", async () => {
    const email = await makeUser();
    const ip = address();
    expect(await signIn(email, "wrong", ip)).toEqual({ ok: false, error: "CredentialsSignin" });
    const unknown = uniqueEmail("nobody");
    expect(await signIn(unknown, "x", ip)).toEqual({ ok: false, error: "CredentialsSignin" });
    expect((await attempts(email))[0]).toMatchObject({ outcome: "FAILED", details: { reason: "wrong_password" } });
    expect((await attempts(unknown))[0]).toMatchObject({ outcome: "FAILED", details: { reason: "unknown_email" } });
  });

  it("refuses a deactivated user even with the right password", async () => {
    const email = await makeUser({ active: false });
    expect(await signIn(email, "right-password-1", address())).toEqual({ ok: false, error: "AccountDisabled" });
  });

  it("throttles an address after 5 failures for one email, even for the right password, for one window", async () => {
    const email = await makeUser();
    const ip = address();
    for (let i = 0; i < 5; i += 1) expect((await signIn(email, `wrong-${i}`, ip)).ok).toBe(false);
    const locked = await signIn(email, "right-password-1", ip);
    expect(locked).toMatchObject({ ok: false, error: "TooManyAttempts" });
    expect(retryAfter(locked)).toBeGreaterThan(14 * MINUTE / 1000);
    expect(retryAfter(locked)).toBeLessThanOrEqual(15 * MINUTE / 1000);

    expect((await signIn(email, "right-password-1", ip, new Date(Date.now() + 16 * MINUTE))).ok).toBe(true);
  });

  it("lets the owner in from another address while an attacker's address is locked out", async () => {
    const email = await makeUser();
    const attacker = address();
    const results = [];
    for (let i = 0; i < 20; i += 1) results.push(await signIn(email, `guess-${i}`, attacker));
    expect(results.filter((r) => !r.ok && r.error === "CredentialsSignin")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.error === "TooManyAttempts")).toHaveLength(15);

    expect(await signIn(email, "right-password-1", address())).toMatchObject({ ok: true });
    // The attacker's address stays locked, the right password included.
    expect(await signIn(email, "right-password-1", attacker)).toMatchObject({ ok: false, error: "TooManyAttempts" });
  });

  it("counts refused tries without auditing them or extending the lock; one summary row per lock", async () => {
    const email = await makeUser();
    const ip = address();
    const t0 = new Date();
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
    for (let i = 0; i < 5; i += 1) await signIn(email, `wrong-${i}`, ip, at(0));
    for (let m = 1; m <= 14; m += 1) {
      const refused = await signIn(email, m % 2 ? "right-password-1" : "still-wrong", ip, at(m));
      expect(refused).toMatchObject({ ok: false, error: "TooManyAttempts" });
      // The lock ends when it ended before: a refused try never moves it.
      expect(retryAfter(refused)).toBe((15 - m) * 60);
    }
    const events = await attempts(email);
    expect(events).toHaveLength(5);
    expect(events.every((e) => e.outcome === "FAILED")).toBe(true);
    const summary = await locks(email);
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ outcome: "DENIED", ip, details: { kind: "EMAIL_IP", failures: 5, until: at(15).toISOString() } });
    expect(JSON.stringify(summary[0]!.details)).not.toMatch(/wrong-|right-password/);
    const rows = await db.signInThrottle.findMany({ where: { key: { contains: email } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "EMAIL_IP", refused: 14, lockCount: 1, lockedUntil: at(15) });

    expect((await signIn(email, "right-password-1", ip, at(15))).ok).toBe(true);
  });

  it("doubles the lock for each lock that follows, up to a cap, and forgets after a quiet period", async () => {
    const email = await makeUser();
    const ip = address();
    const capped = { ...config, maxLockMinutes: 50 };
    let clock = Date.now();
    const lockOnce = async () => {
      for (let i = 0; i < 5; i += 1) expect(await signIn(email, `wrong-${i}`, ip, new Date(clock), capped)).toMatchObject({ error: "CredentialsSignin" });
      const seconds = retryAfter(await signIn(email, "right-password-1", ip, new Date(clock), capped));
      clock += (seconds ?? 0) * 1000;
      return seconds;
    };
    expect(await lockOnce()).toBe(15 * 60);
    expect(await lockOnce()).toBe(30 * 60);
    expect(await lockOnce()).toBe(50 * 60);
    expect(await lockOnce()).toBe(50 * 60);
    // Quiet for as long as the longest lock: the next lock starts from one window again.
    clock += 50 * MINUTE;
    expect(await lockOnce()).toBe(15 * 60);
    expect(await locks(email)).toHaveLength(5);
  });

  it("limits one address across all emails, and only that address", async () => {
    const ip = address();
    const owner = await makeUser();
    const others = await Promise.all(Array.from({ length: 5 }, () => makeUser()));
    // Four wrong guesses for each of five emails: under the per-email limit, at the per-address one.
    for (const email of others) for (let i = 0; i < 4; i += 1) expect((await signIn(email, `spray-${i}`, ip)).ok).toBe(false);
    const refused = await signIn(owner, "right-password-1", ip);
    expect(refused).toMatchObject({ ok: false, error: "TooManyAttempts" });
    expect(retryAfter(refused)).toBeGreaterThan(14 * 60);
    expect(await signIn(owner, "right-password-1", address())).toMatchObject({ ok: true });

    const summary = await db.auditEvent.findMany({ where: { action: "auth.sign_in_locked", ip } });
    expect(summary).toHaveLength(1);
    expect(summary[0]!.details).toMatchObject({ kind: "IP", failures: 20 });
  });

  it("a right password clears that address's count for the email", async () => {
    const email = await makeUser();
    const ip = address();
    for (let i = 0; i < 4; i += 1) await signIn(email, `wrong-${i}`, ip);
    expect((await signIn(email, "right-password-1", ip)).ok).toBe(true);
    for (let i = 0; i < 4; i += 1) expect(await signIn(email, `wrong-${i}`, ip)).toMatchObject({ error: "CredentialsSignin" });
    expect((await signIn(email, "right-password-1", ip)).ok).toBe(true);
  });

  it("treats a request without an address as one unknown address", async () => {
    const email = await makeUser();
    for (let i = 0; i < 5; i += 1) await signIn(email, `wrong-${i}`, null);
    expect(await signIn(email, "right-password-1", null)).toMatchObject({ ok: false, error: "TooManyAttempts" });
    expect(await signIn(email, "right-password-1", address())).toMatchObject({ ok: true });
  });

  it("holds the limit against a burst of parallel guesses", async () => {
    const email = await makeUser();
    const ip = address();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(email, `burst-${i}`, ip)));
    expect(results.filter((r) => !r.ok && r.error === "CredentialsSignin")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.error === "TooManyAttempts")).toHaveLength(5);
    expect(await attempts(email)).toHaveLength(5);
    expect(await locks(email)).toHaveLength(1);
  });

  it("does not let one email's failures throttle another", async () => {
    const noisy = await makeUser();
    const quiet = await makeUser();
    const ip = address();
    for (let i = 0; i < 6; i += 1) await signIn(noisy, "nope", ip);
    expect((await signIn(quiet, "right-password-1", ip)).ok).toBe(true);
  });

  it("treats malformed input as a failed sign-in, not a crash", async () => {
    expect(await authenticateWithPassword(db, { email: 42, password: null }, TEST_REQUEST, config)).toEqual({
      ok: false,
      error: "CredentialsSignin",
    });
    expect(await authenticateWithPassword(db, undefined, TEST_REQUEST, config)).toEqual({ ok: false, error: "CredentialsSignin" });
  });
});

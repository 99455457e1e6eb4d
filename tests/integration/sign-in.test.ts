import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../lib/auth/password";
import { authenticateWithPassword } from "../../lib/auth/sign-in";
import { createTestDb, TEST_REQUEST, uniqueEmail } from "../support/db";

const config = { maxFailures: 5, windowMinutes: 15 };

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
    expect(await authenticateWithPassword(db, { email, password: "wrong" }, TEST_REQUEST, config)).toEqual({
      ok: false,
      error: "CredentialsSignin",
    });
    const unknown = uniqueEmail("nobody");
    expect(await authenticateWithPassword(db, { email: unknown, password: "x" }, TEST_REQUEST, config)).toEqual({
      ok: false,
      error: "CredentialsSignin",
    });
    expect((await attempts(email))[0]).toMatchObject({ outcome: "FAILED", details: { reason: "wrong_password" } });
    expect((await attempts(unknown))[0]).toMatchObject({ outcome: "FAILED", details: { reason: "unknown_email" } });
  });

  it("refuses a deactivated user even with the right password", async () => {
    const email = await makeUser({ active: false });
    expect(await authenticateWithPassword(db, { email, password: "right-password-1" }, TEST_REQUEST, config)).toEqual({
      ok: false,
      error: "AccountDisabled",
    });
  });

  it("throttles after 5 failures within 15 minutes, even for the right password", async () => {
    const email = await makeUser();
    for (let i = 0; i < 5; i += 1) {
      expect((await authenticateWithPassword(db, { email, password: `wrong-${i}` }, TEST_REQUEST, config)).ok).toBe(false);
    }
    const locked = await authenticateWithPassword(db, { email, password: "right-password-1" }, TEST_REQUEST, config);
    expect(locked).toMatchObject({ ok: false, error: "TooManyAttempts" });
    expect(locked.ok === false && locked.retryAfterSeconds).toBeGreaterThan(14 * 60);

    const later = new Date(Date.now() + 16 * 60_000);
    expect((await authenticateWithPassword(db, { email, password: "right-password-1" }, TEST_REQUEST, config, later)).ok).toBe(true);
  });

  it("holds the limit against a burst of parallel guesses", async () => {
    const email = await makeUser();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => authenticateWithPassword(db, { email, password: `burst-${i}` }, TEST_REQUEST, config)),
    );
    expect(results.filter((r) => !r.ok && r.error === "CredentialsSignin")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.error === "TooManyAttempts")).toHaveLength(5);
  });

  it("does not let one email's failures throttle another", async () => {
    const noisy = await makeUser();
    const quiet = await makeUser();
    for (let i = 0; i < 6; i += 1) await authenticateWithPassword(db, { email: noisy, password: "nope" }, TEST_REQUEST, config);
    expect((await authenticateWithPassword(db, { email: quiet, password: "right-password-1" }, TEST_REQUEST, config)).ok).toBe(true);
  });

  it("treats malformed input as a failed sign-in, not a crash", async () => {
    expect(await authenticateWithPassword(db, { email: 42, password: null }, TEST_REQUEST, config)).toEqual({
      ok: false,
      error: "CredentialsSignin",
    });
    expect(await authenticateWithPassword(db, undefined, TEST_REQUEST, config)).toEqual({ ok: false, error: "CredentialsSignin" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { changeOwnPassword, createUser, resetUserPassword, setUserActive, updateUserRole } from "../../lib/users/update-users";
import { createTestDb, TEST_REQUEST, uniqueEmail } from "../support/db";

describe("user management", () => {
  const db = createTestDb();
  const actor = { id: null, email: "admin@test", role: "ADMIN" as const };
  const ctx = { db, actor, request: TEST_REQUEST };

  // Other test files share this database; isolate the last-admin rule by deactivating all admins
  // before each scenario that depends on counting them.
  async function onlyAdmins(...ids: string[]) {
    await db.user.updateMany({ where: { role: "ADMIN", id: { notIn: ids } }, data: { active: false } });
  }
  const newUser = (role: "ADMIN" | "ANALYST" = "ANALYST") =>
    createUser(ctx, { email: uniqueEmail("user"), name: "José Müller", role, oneTimePassword: "one-time-pass-1" });

  beforeAll(async () => {
    await db.$connect();
  });
  afterAll(() => db.$disconnect());

  it("creates a user with a one-time password and audits it in the same transaction", async () => {
    const user = await newUser();
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.mustChangePassword).toBe(true);
    expect(stored.passwordHash).not.toBe("one-time-pass-1");
    expect(await verifyPassword("one-time-pass-1", stored.passwordHash)).toBe(true);
    const audit = await db.auditEvent.findMany({ where: { targetId: user.id, action: "user.create" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain("one-time-pass-1");
  });

  it("refuses a duplicate email with a clear conflict and writes no audit row", async () => {
    const email = uniqueEmail("dup");
    await createUser(ctx, { email, name: "A", role: "ANALYST", oneTimePassword: "one-time-pass-1" });
    await expect(createUser(ctx, { email, name: "B", role: "ADMIN", oneTimePassword: "one-time-pass-1" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.auditEvent.count({ where: { action: "user.create", details: { path: ["email"], equals: email } } })).toBe(1);
  });

  it("changes roles and records from/to", async () => {
    const user = await newUser();
    await updateUserRole(ctx, { userId: user.id, role: "MANAGER" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("MANAGER");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: user.id, action: "user.role_change" } });
    expect(audit.details).toMatchObject({ from: "ANALYST", to: "MANAGER" });
  });

  it("never demotes or deactivates the last active admin", async () => {
    const admin = await newUser("ADMIN");
    await onlyAdmins(admin.id);
    await expect(updateUserRole(ctx, { userId: admin.id, role: "ANALYST" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setUserActive(ctx, { userId: admin.id, active: false })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", active: true });

    const second = await newUser("ADMIN");
    await setUserActive(ctx, { userId: admin.id, active: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(false);
    await expect(updateUserRole(ctx, { userId: second.id, role: "AUDITOR" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets only one of two concurrent demotions of the last two admins through", async () => {
    const a = await newUser("ADMIN");
    const b = await newUser("ADMIN");
    await onlyAdmins(a.id, b.id);
    const results = await Promise.allSettled([
      updateUserRole(ctx, { userId: a.id, role: "ANALYST" }),
      updateUserRole(ctx, { userId: b.id, role: "ANALYST" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });

  it("deactivates and reactivates with audit rows, and refuses self-deactivation", async () => {
    const user = await newUser();
    await setUserActive(ctx, { userId: user.id, active: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deactivatedAt).not.toBeNull();
    await setUserActive(ctx, { userId: user.id, active: true });
    const actions = (await db.auditEvent.findMany({ where: { targetId: user.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["user.create", "user.deactivate", "user.reactivate"]);
    await expect(setUserActive({ ...ctx, actor: { ...actor, id: user.id } }, { userId: user.id, active: false })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("resets to a one-time password, then the user sets their own", async () => {
    const user = await newUser();
    await resetUserPassword(ctx, { userId: user.id, oneTimePassword: "another-one-time-2" });
    const me = { ...ctx, actor: { id: user.id, email: user.email, role: "ANALYST" as const }, userId: user.id };
    await expect(changeOwnPassword(me, { currentPassword: "one-time-pass-1", newPassword: "my-own-secret-3" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await changeOwnPassword(me, { currentPassword: "another-one-time-2", newPassword: "my-own-secret-3" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.mustChangePassword).toBe(false);
    expect(await verifyPassword("my-own-secret-3", stored.passwordHash)).toBe(true);
  });

  it("reports an unknown user as not found", async () => {
    await expect(updateUserRole(ctx, { userId: "00000000-0000-4000-8000-000000000000", role: "ADMIN" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

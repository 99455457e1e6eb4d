import { afterAll, describe, expect, it } from "vitest";
import type { TActionContext } from "../../lib/actions/safe-action";
import { createSavedView, deleteSavedView, renameSavedView } from "../../lib/views/update-views";
import { createTestDb, TEST_REQUEST, uniqueEmail } from "../support/db";

// Saved views: kept per user, normalised by the list's own parse, changed only by their owner, and
// every change audited in its transaction.
describe("saved views", () => {
  const db = createTestDb();
  afterAll(() => db.$disconnect());

  async function contextFor(name: string): Promise<TActionContext> {
    const user = await db.user.create({ data: { email: uniqueEmail("views"), name, role: "ANALYST" } });
    const actor = { id: user.id, email: user.email, role: user.role };
    return {
      user: { id: user.id, email: user.email, name, role: user.role, mustChangePassword: false },
      actor,
      request: TEST_REQUEST,
      db: db as unknown as TActionContext["db"],
      audit: (entry) => ({ ...entry, actor, request: TEST_REQUEST }),
    };
  }

  it("stores the list's state without its page position, and audits it", async () => {
    const ctx = await contextFor("Zoë");
    const view = await createSavedView(ctx, {
      list: "profiles",
      name: "My queue",
      query: "status=PENDING_REVIEW&page=4&cursor=last&sort=name&dir=asc",
      shared: false,
    });
    expect(view.query).toBe("status=PENDING_REVIEW&sort=name&dir=asc");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "views.create", targetId: view.id } });
    expect(audit).toMatchObject({ actorId: ctx.user.id, outcome: "SUCCESS" });
    await expect(createSavedView(ctx, { list: "profiles", name: "My queue", query: "", shared: false })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a query the list does not understand instead of saving defaults", async () => {
    const ctx = await contextFor("Jörg");
    await expect(createSavedView(ctx, { list: "profiles", name: "Bad", query: "status=%00&sort=nope", shared: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.savedView.count({ where: { ownerId: ctx.user.id } })).toBe(0);
  });

  it("lets only the owner rename or delete, shared or not", async () => {
    const owner = await contextFor("Owner");
    const other = await contextFor("Other");
    const view = await createSavedView(owner, { list: "profiles", name: "Shared queue", query: "status=REJECTED", shared: true });
    await expect(renameSavedView(other, { id: view.id, name: "Mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteSavedView(other, { id: view.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await renameSavedView(owner, { id: view.id, name: "Rejected" })).toMatchObject({ name: "Rejected" });
    await deleteSavedView(owner, { id: view.id });
    expect(await db.savedView.findUnique({ where: { id: view.id } })).toBeNull();
    const actions = (await db.auditEvent.findMany({ where: { targetId: view.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["views.create", "views.rename", "views.delete"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActionContext } from "../../lib/actions/safe-action";
import { addCaseNote, findProfileNotes } from "../../lib/profiles/notes";
import { runSyncStages } from "../../lib/sync/run-sync";
import { createIsolatedDatabase, TEST_REQUEST, uniqueEmail } from "../support/db";
import { startTestSandbox } from "../support/sandbox";

describe("case notes", () => {
  let sb: Awaited<ReturnType<typeof startTestSandbox>>;
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  const saved = { ...process.env };

  beforeAll(async () => {
    sb = await startTestSandbox({ profiles: 12, jumioAccounts: 2, trustxInstances: 2, seed: 5 });
    isolated = await createIsolatedDatabase("case_notes");
    // findProfileNotes reads through the app's own database handle.
    process.env.DATABASE_URL = isolated.url;
    await runSyncStages({ db: isolated.db, pool: isolated.pool, clients: sb.clients, kind: "FULL", concurrency: 4, batchSize: 5 });
  }, 60_000);
  afterAll(async () => {
    const { getDb, getPool } = await import("../../lib/db");
    await getDb().$disconnect();
    await getPool().end().catch(() => undefined);
    process.env = saved;
    await sb?.sandbox.close();
    await isolated?.drop();
  });

  it("survive a full resync that rewrites their profile, and are audited without their text", async () => {
    const { db } = isolated;
    const user = await db.user.create({ data: { email: uniqueEmail("notes"), name: "Ana", role: "ANALYST" } });
    const actor = { id: user.id, email: user.email, role: user.role };
    const ctx: TActionContext = { user: { ...actor, name: user.name, mustChangePassword: false }, actor, request: TEST_REQUEST, db, audit: (entry) => ({ ...entry, actor, request: TEST_REQUEST }) };
    const profile = await db.profile.findFirstOrThrow({ where: { status: "ACCEPTED" } });
    await addCaseNote(ctx, { profileId: profile.id, body: "Zoë: documents match the register." });

    // Upstream changes the profile, so the full resync rewrites it and its child rows.
    expect((await sb.clients.trulioo!.updateStatuses([profile.id], "PENDING_REVIEW")).changed).toEqual([profile.id]);
    const totals = await runSyncStages({ db, pool: isolated.pool, clients: sb.clients, kind: "FULL", concurrency: 4, batchSize: 5 });
    expect(totals.updated).toBeGreaterThanOrEqual(1);
    expect((await db.profile.findUniqueOrThrow({ where: { id: profile.id } })).status).toBe("PENDING_REVIEW");

    const notes = await findProfileNotes(profile.id);
    expect(notes.caseNotes.map((n) => n.body)).toEqual(["Zoë: documents match the register."]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "profile.note_add", targetId: profile.id } });
    expect(JSON.stringify(audit.details)).not.toContain("register");
  });

  it("refuse a note for a profile that does not exist, and store nothing", async () => {
    const { db } = isolated;
    const user = await db.user.create({ data: { email: uniqueEmail("notes2"), name: "Ana", role: "ANALYST" } });
    const actor = { id: user.id, email: user.email, role: user.role };
    const ctx: TActionContext = { user: { ...actor, name: user.name, mustChangePassword: false }, actor, request: TEST_REQUEST, db, audit: (entry) => ({ ...entry, actor, request: TEST_REQUEST }) };
    await expect(addCaseNote(ctx, { profileId: "00000000-0000-4000-8000-000000000000", body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.caseNote.count({ where: { authorId: user.id } })).toBe(0);
  });
});

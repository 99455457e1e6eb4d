import { beforeAll, describe, expect, it } from "vitest";
import { addCaseNote, findProfileNotes } from "../../lib/profiles/notes";
import { runSyncStages } from "../../lib/sync/run-sync";
import { actionContextFor, syncedWorld, type TSyncedWorld } from "../support/synced-world";

describe("case notes", () => {
  const world = syncedWorld("case_notes", { profiles: 12, jumioAccounts: 2, trustxInstances: 2, seed: 5 });
  let sb: TSyncedWorld["sb"];
  let isolated: TSyncedWorld["isolated"];
  beforeAll(() => {
    ({ sb, isolated } = world);
  });

  it("survive a full resync that rewrites their profile, and are audited without their text", async () => {
    const { db } = isolated;
    const ctx = await actionContextFor(db, "ANALYST", "Ana");
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
    const ctx = await actionContextFor(db, "ANALYST", "Ana");
    await expect(addCaseNote(ctx, { profileId: "00000000-0000-4000-8000-000000000000", body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.caseNote.count({ where: { authorId: ctx.user.id } })).toBe(0);
  });
});

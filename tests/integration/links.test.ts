import { beforeAll, describe, expect, it } from "vitest";
import type { TActionContext } from "../../lib/actions/safe-action";
import { linkProfiles, unlinkProfiles, ZLinkProfilesSchema } from "../../lib/profiles/link-actions";
import { runSyncStages } from "../../lib/sync/run-sync";
import { actionContextFor, syncedWorld, type TSyncedWorld } from "../support/synced-world";

// End-client links (issue 16): Trulioo first (P2/P3), then both local profiles, counts and audit rows.
describe("end-client links", () => {
  const world = syncedWorld("links", { profiles: 30, jumioAccounts: 0, trustxInstances: 0, seed: 22 });
  let sb: TSyncedWorld["sb"];
  let isolated: TSyncedWorld["isolated"];
  let ctx: TActionContext;
  beforeAll(async () => {
    ({ sb, isolated } = world);
    ctx = await actionContextFor(isolated.db, "ANALYST", "Ana Links");
  });

  async function unlinkedPair() {
    const { rows } = await isolated.pool.query<{ a: string; b: string }>(
      `SELECT a.id::text AS a, b.id::text AS b FROM profiles a JOIN profiles b ON a.id < b.id
       WHERE NOT EXISTS (SELECT 1 FROM profile_links l WHERE (l.from_id = a.id AND l.to_id = b.id) OR (l.from_id = b.id AND l.to_id = a.id))
       ORDER BY a.id, b.id LIMIT 1`,
    );
    return rows[0]!;
  }

  it("links at Trulioo, then both sides here, and a resync agrees; a second link of the pair is refused in words", async () => {
    const { db } = isolated;
    const { a, b } = await unlinkedPair();
    const before = (await db.profile.findUniqueOrThrow({ where: { id: b } })).linkCount;
    await linkProfiles(ctx, ZLinkProfilesSchema.parse({ fromId: a, toId: b, type: "OWNS" }), sb.clients);
    expect(await db.profileLink.findMany({ where: { fromId: a, toId: b } })).toEqual([{ fromId: a, toId: b, type: "OWNS" }]);
    expect((await db.profile.findUniqueOrThrow({ where: { id: b } })).linkCount).toBe(before + 1);
    expect(await db.auditEvent.count({ where: { action: "profile.link", outcome: "SUCCESS", targetId: { in: [a, b] } } })).toBe(2);
    const upstream = await sb.clients.trulioo!.getClient(b);
    expect(upstream.client.links).toContainEqual({ from: a, to: b, type: "OWNS" });

    await expect(linkProfiles(ctx, ZLinkProfilesSchema.parse({ fromId: b, toId: a, type: "RELATES_TO" }), sb.clients)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("4105") });
    expect(await db.profileLink.count({ where: { OR: [{ fromId: a, toId: b }, { fromId: b, toId: a }] } })).toBe(1);

    await runSyncStages({ db, pool: isolated.pool, clients: sb.clients, kind: "FULL", concurrency: 4, batchSize: 10 });
    expect(await db.profileLink.findMany({ where: { OR: [{ fromId: a, toId: b }, { fromId: b, toId: a }] } })).toEqual([{ fromId: a, toId: b, type: "OWNS" }]);
  });

  it("unlinks from either page at Trulioo and here; a missing link is refused in words", async () => {
    const { db } = isolated;
    const link = await db.profileLink.findFirstOrThrow({ where: { type: "OWNS" } });
    // From the far end's page: Trulioo is still told the pair as it was stored.
    await unlinkProfiles(ctx, { fromId: link.toId, toId: link.fromId }, sb.clients);
    expect(await db.profileLink.count({ where: { fromId: link.fromId, toId: link.toId } })).toBe(0);
    expect((await sb.clients.trulioo!.getClient(link.fromId)).client.links.some((l) => l.to === link.toId || l.from === link.toId)).toBe(false);
    await expect(unlinkProfiles(ctx, { fromId: link.fromId, toId: link.toId }, sb.clients)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("4106") });
  });

  it("refuses a self-link before anything is sent, and changes nothing when Trulioo fails", async () => {
    const { db } = isolated;
    const { a, b } = await unlinkedPair();
    expect(ZLinkProfilesSchema.safeParse({ fromId: a, toId: a, type: "RELATES_TO" }).success).toBe(false);
    await sb.control("/faults", { provider: "trulioo", next503: 50 });
    await expect(linkProfiles(ctx, ZLinkProfilesSchema.parse({ fromId: a, toId: b, type: "RELATES_TO" }), sb.clients)).rejects.toMatchObject({ code: expect.stringMatching(/UPSTREAM/) });
    await sb.control("/faults", { provider: "trulioo", next503: 0 });
    expect(await db.profileLink.count({ where: { OR: [{ fromId: a, toId: b }, { fromId: b, toId: a }] } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "profile.link", outcome: "FAILED", targetId: a } })).toBe(1);
  });
});

import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TActionContext } from "../../lib/actions/safe-action";
import { lastStatusChange } from "../../lib/profiles/detail";
import { changeProfileStatus, ZChangeStatusSchema } from "../../lib/profiles/status/change-one";
import { actionContextFor, syncedWorld, type TSyncedWorld } from "../support/synced-world";

// One profile's status set by hand (issue 15): Trulioo first, then the local copy and its audit row together.
describe("changing one profile's status", () => {
  const world = syncedWorld("status_change", { profiles: 60, jumioAccounts: 1, trustxInstances: 1, seed: 16 });
  let sb: TSyncedWorld["sb"];
  let isolated: TSyncedWorld["isolated"];
  let ctx: TActionContext;
  beforeAll(async () => {
    ({ sb, isolated } = world);
    ctx = await actionContextFor(isolated.db, "ANALYST", "Ana Lyst");
  });

  const upstreamStatus = async (id: string) => (await sb.clients.trulioo!.getClient(id)).client.status;
  const requests = async () => (((await sb.control("/stats")).counters as Record<string, Record<string, number>>).statusChanges ?? {}).requests ?? 0;
  const audits = (id: string) => isolated.db.auditEvent.findMany({ where: { action: "profile.status_change", targetId: id }, orderBy: { id: "asc" } });
  const someProfile = (status: string) => isolated.db.profile.findFirstOrThrow({ where: { status, piiWipedAt: null }, orderBy: { id: "asc" } });

  it("sets the status upstream, then the local copy, its audit row and the webhook echo note", async () => {
    const profile = await someProfile("ACCEPTED");
    const before = await requests();
    const result = await changeProfileStatus(ctx, { profileId: profile.id, status: "PENDING_REVIEW", reason: "Needs more information from the customer" }, sb.clients);
    expect(result).toEqual({ from: "ACCEPTED", to: "PENDING_REVIEW" });
    // The case page's header now names who set it, here.
    expect(await lastStatusChange(profile.id)).toMatchObject({ where: "here", by: "Ana Lyst" });
    expect((await requests()) - before).toBe(1);
    expect(await upstreamStatus(profile.id)).toBe("PENDING_REVIEW");
    expect(await isolated.db.profile.findUniqueOrThrow({ where: { id: profile.id } })).toMatchObject({ status: "PENDING_REVIEW", statusManuallyChanged: true });
    const [audit] = await audits(profile.id);
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorEmail: ctx.user.email, details: { from: "ACCEPTED", to: "PENDING_REVIEW", reason: "Needs more information from the customer" } });
    expect(await isolated.db.localChange.count({ where: { subjectId: profile.id, eventType: "MANUALLY_PENDING_REVIEW" } })).toBe(1);
  });

  it("refuses a transition the rules forbid before anything is sent, with the rule's words, on record", async () => {
    const profile = await someProfile("NOT_STARTED");
    const before = await requests();
    await expect(changeProfileStatus(ctx, { profileId: profile.id, status: "ACCEPTED" }, sb.clients)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Trulioo does not allow NOT_STARTED → ACCEPTED.",
    });
    expect(await requests()).toBe(before);
    expect((await isolated.db.profile.findUniqueOrThrow({ where: { id: profile.id } })).status).toBe("NOT_STARTED");
    expect(await audits(profile.id)).toMatchObject([{ outcome: "FAILED", details: { from: "NOT_STARTED", to: "ACCEPTED", code: "rules" } }]);
  });

  it("changes nothing local when Trulioo refuses (4111, our copy stale), and says so with the code", async () => {
    const profile = await someProfile("ABANDONED");
    // Our copy thinks the client waits for review; Trulioo has it abandoned, from where nothing may follow.
    await isolated.pool.query("UPDATE profiles SET status = 'PENDING_REVIEW' WHERE id = $1::uuid", [profile.id]);
    const error = await changeProfileStatus(ctx, { profileId: profile.id, status: "ACCEPTED" }, sb.clients).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "UPSTREAM_ERROR", message: expect.stringContaining("Trulioo 4111: Status transition not permitted.") });
    expect((error as Error).message).toContain("refresh it from Trulioo");
    expect(await isolated.db.profile.findUniqueOrThrow({ where: { id: profile.id } })).toMatchObject({ status: "PENDING_REVIEW", statusManuallyChanged: profile.statusManuallyChanged });
    expect(await upstreamStatus(profile.id)).toBe("ABANDONED");
    expect(await audits(profile.id)).toMatchObject([{ outcome: "FAILED", details: { from: "PENDING_REVIEW", to: "ACCEPTED", code: "4111" } }]);
    expect(await isolated.db.localChange.count({ where: { subjectId: profile.id } })).toBe(0);
    await isolated.pool.query("UPDATE profiles SET status = 'ABANDONED' WHERE id = $1::uuid", [profile.id]);
  });

  it("names Trulioo's 4100 when the client is gone upstream", async () => {
    const source = await someProfile("ACCEPTED");
    const ghost = randomUUID();
    await isolated.pool.query(
      "INSERT INTO profiles SELECT (jsonb_populate_record(NULL::profiles, to_jsonb(p) || jsonb_build_object('id', $2::text))).* FROM profiles p WHERE id = $1::uuid",
      [source.id, ghost],
    );
    await expect(changeProfileStatus(ctx, { profileId: ghost, status: "REJECTED", reason: "Customer asked to be removed" }, sb.clients)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Trulioo 4100: Client not found. This profile is not at Trulioo (any more).",
    });
    expect((await isolated.db.profile.findUniqueOrThrow({ where: { id: ghost } })).status).toBe("ACCEPTED");
    expect(await audits(ghost)).toMatchObject([{ outcome: "FAILED", details: { code: "4100", reason: "Customer asked to be removed" } }]);
  });

  it("demands a reason for rejecting, and none otherwise", () => {
    const id = randomUUID();
    const refused = ZChangeStatusSchema.safeParse({ profileId: id, status: "REJECTED", reason: "  " });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ message: "Give a reason for rejecting.", path: ["reason"] });
    expect(ZChangeStatusSchema.safeParse({ profileId: id, status: "REJECTED", reason: "Face does not match the document" }).success).toBe(true);
    expect(ZChangeStatusSchema.safeParse({ profileId: id, status: "ACCEPTED" }).success).toBe(true);
  });

  it("refuses a wiped profile, the same status again, and an unknown profile, sending nothing", async () => {
    const before = await requests();
    const wiped = await someProfile("REJECTED");
    await isolated.pool.query("UPDATE profiles SET pii_wiped_at = now() WHERE id = $1::uuid", [wiped.id]);
    await expect(changeProfileStatus(ctx, { profileId: wiped.id, status: "ACCEPTED" }, sb.clients)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("wiped") });
    await isolated.pool.query("UPDATE profiles SET pii_wiped_at = NULL WHERE id = $1::uuid", [wiped.id]);
    await expect(changeProfileStatus(ctx, { profileId: wiped.id, status: "REJECTED", reason: "x" }, sb.clients)).rejects.toMatchObject({ message: "This profile is already Rejected." });
    await expect(changeProfileStatus(ctx, { profileId: randomUUID(), status: "ACCEPTED" }, sb.clients)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await requests()).toBe(before);
  });

  it("says Trulioo is off when it has no credentials, and keeps the refusal on record", async () => {
    const profile = await someProfile("PENDING_REVIEW");
    await expect(changeProfileStatus(ctx, { profileId: profile.id, status: "ACCEPTED" }, { ...sb.clients, trulioo: null })).rejects.toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      message: "Trulioo is not configured here.",
    });
    expect((await isolated.db.profile.findUniqueOrThrow({ where: { id: profile.id } })).status).toBe("PENDING_REVIEW");
    expect((await audits(profile.id)).at(-1)).toMatchObject({ outcome: "FAILED", details: { error: "Trulioo is not configured here." } });
  });
});

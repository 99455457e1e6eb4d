import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TActionContext } from "../../lib/actions/safe-action";
import { getFlowSection, getProfileCase, lastStatusChange } from "../../lib/profiles/detail";
import { refreshProfile } from "../../lib/profiles/refresh";
import { readServiceDetails } from "../../lib/profiles/service-details";
import { getProfileTimeline } from "../../lib/profiles/timeline";
import { ZClientDetailsSchema } from "../../lib/providers/trulioo/schemas";
import { mapProfile } from "../../lib/sync/map-profile";
import { writeProfiles } from "../../lib/sync/write-profiles";
import { actionContextFor, syncedWorld, type TSyncedWorld } from "../support/synced-world";

// The case page's data (issue 14), read from a real sync of the sandbox, and "refresh from Trulioo".
describe("the profile case", () => {
  const world = syncedWorld("profile_case", { profiles: 30, jumioAccounts: 4, trustxInstances: 4, seed: 14 });
  let sb: TSyncedWorld["sb"];
  let isolated: TSyncedWorld["isolated"];
  let ctx: TActionContext;
  beforeAll(async () => {
    ({ sb, isolated } = world);
    ctx = await actionContextFor(isolated.db, "ANALYST", "Ana Case");
  });

  it("shows every flow with Trulioo's own fields, files and service results, in Trulioo's order", async () => {
    const { db } = isolated;
    const withServices = await db.serviceResult.findFirstOrThrow({ select: { profileId: true } });
    const { client } = await sb.clients.trulioo!.getClient(withServices.profileId, { fullServiceDetails: true });
    const found = (await getProfileCase(client.id))!;
    expect(found.flows.map((f) => f.flowId).sort()).toEqual(Object.keys(client.flowData).sort());
    for (const flowSummary of found.flows) {
      const section = await getFlowSection(client.id, flowSummary, { withFiles: true });
      const flow = client.flowData[section.flowId]!;
      expect(section.completed).toBe(flow.completed);
      expect([section.fieldCount, section.serviceCount]).toEqual([Object.keys(flow.fieldData).length, flow.serviceData.length]);
      expect(section.noMatchCount).toBe(flow.serviceData.filter((s) => s.match === false).length);
      // A file upload's value is Trulioo's file key: never shown, its file card stands for it.
      const fileElements = new Set([...Object.keys(flow.fileData), ...Object.keys(flow.enhancedFileData)]);
      expect(Object.fromEntries(section.fields.map((f) => [f.elementId, f.values]))).toEqual(
        Object.fromEntries(Object.entries(flow.fieldData).map(([k, f]) => [k, fileElements.has(k) ? [] : f.value])),
      );
      expect(section.fields.filter((f) => f.isFile).map((f) => f.elementId).sort()).toEqual([...fileElements].filter((k) => k in flow.fieldData).sort());
      expect(section.services.map((s) => [s.nodeId, s.serviceStatus, s.match ?? null])).toEqual(flow.serviceData.map((s) => [s.nodeId, s.serviceStatus, s.match ?? null]));
      expect(section.files.length).toBe(Object.keys(flow.fileData).length + Object.values(flow.enhancedFileData).flat().length);
      expect(section.files.every((f) => f.flowId === section.flowId)).toBe(true);
      expect((await getFlowSection(client.id, flowSummary, { withFiles: false })).files).toEqual([]);
    }
    expect(await getProfileCase(randomUUID())).toBeNull();
  });

  it("gives a service's full details as Trulioo sent them, and nothing for a result that is not there", async () => {
    const { db } = isolated;
    const service = await db.serviceResult.findFirstOrThrow({ select: { profileId: true, flowId: true, position: true } });
    const { client } = await sb.clients.trulioo!.getClient(service.profileId, { fullServiceDetails: true });
    const stored = await readServiceDetails(service);
    const upstream = client.flowData[service.flowId]!.serviceData[service.position]!.fullServiceDetails ?? null;
    expect(JSON.parse(stored!.details ?? "null")).toEqual(upstream);
    expect(await readServiceDetails({ ...service, position: 999 })).toBeNull();
    expect(await readServiceDetails({ ...service, flowId: "no-such-flow" })).toBeNull();
  });

  it("shows each link from both ends, the far end reading it backwards", async () => {
    const link = await isolated.db.profileLink.findFirstOrThrow();
    const from = (await getProfileCase(link.fromId))!;
    const to = (await getProfileCase(link.toId))!;
    expect(from.links).toContainEqual(expect.objectContaining({ type: link.type, side: "from", other: expect.objectContaining({ id: link.toId }) }));
    expect(to.links).toContainEqual(expect.objectContaining({ type: link.type, side: "to", other: expect.objectContaining({ id: link.fromId }) }));
  });

  it("lists the person's executions and puts them, with our own events, on the timeline newest first", async () => {
    const execution = await isolated.db.execution.findFirstOrThrow({ where: { profileId: { not: null } } });
    const found = (await getProfileCase(execution.profileId!))!;
    expect(found.executions.map((e) => e.id)).toContain(execution.id);
    const timeline = await getProfileTimeline(found.profile, found.executions.map((e) => e.id));
    expect(timeline.some((e) => e.href === `/executions/${encodeURIComponent(execution.id)}`)).toBe(true);
    expect(timeline.at(-1)?.title).toBe("Profile created in Trulioo");
    const times = timeline.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("refresh re-reads a client Trulioo changed, writes what Trulioo now says, and says when nothing changed", async () => {
    const { db } = isolated;
    const profile = await db.profile.findFirstOrThrow({ where: { status: "PENDING_REVIEW" } });
    expect((await sb.clients.trulioo!.updateStatuses([profile.id], "ACCEPTED")).changed).toEqual([profile.id]);
    const first = await refreshProfile(ctx, { profileId: profile.id }, sb.clients);
    expect(first).toMatchObject({ result: "updated", status: "ACCEPTED" });
    expect((await db.profile.findUniqueOrThrow({ where: { id: profile.id } })).status).toBe("ACCEPTED");
    const second = await refreshProfile(ctx, { profileId: profile.id }, sb.clients);
    expect(second.result).toBe("unchanged");
    expect(second.syncedAt.getTime()).toBeGreaterThanOrEqual(first.syncedAt.getTime());
    const audits = await db.auditEvent.findMany({ where: { action: "profile.refresh", targetId: profile.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.outcome, (a.details as { result?: string }).result])).toEqual([["SUCCESS", "updated"], ["SUCCESS", "unchanged"]]);
    // The status change came from Trulioo, not from here.
    expect(await lastStatusChange(profile.id)).toBeNull();
  });

  it("refresh keeps the local copy as it was when Trulioo fails, breaks the contract, or no longer has the client", async () => {
    const { db } = isolated;
    const profile = await db.profile.findFirstOrThrow({ where: { status: "COMPLETED" } });
    const before = await db.profile.findUniqueOrThrow({ where: { id: profile.id }, select: { contentHash: true, syncedAt: true } });

    await sb.control("/faults", { provider: "trulioo", next500: 50 });
    await expect(refreshProfile(ctx, { profileId: profile.id }, sb.clients)).rejects.toMatchObject({ code: "UPSTREAM_ERROR" });
    await sb.control("/faults", { provider: "trulioo", next500: 0 });

    await sb.control("/faults", { provider: "trulioo", malformed: { clientId: profile.id } });
    await expect(refreshProfile(ctx, { profileId: profile.id }, sb.clients)).rejects.toMatchObject({ code: "UPSTREAM_ERROR", message: expect.stringContaining("could not read") });
    expect(await db.syncError.count({ where: { source: "trulioo.client", externalId: profile.id } })).toBe(1);
    expect(await db.profile.findUniqueOrThrow({ where: { id: profile.id }, select: { contentHash: true, syncedAt: true } })).toEqual(before);

    // A copy of a client Trulioo never had (or has deleted).
    const ghostId = randomUUID();
    const ghostRaw = { ...((await db.profile.findUniqueOrThrow({ where: { id: profile.id } })).raw as object), id: ghostId, links: [] };
    await writeProfiles(isolated.pool, [mapProfile(ZClientDetailsSchema.parse(ghostRaw), ghostRaw)]);
    await expect(refreshProfile(ctx, { profileId: ghostId }, sb.clients)).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("no longer has") });
    expect(await db.profile.count({ where: { id: ghostId } })).toBe(1);

    await expect(refreshProfile(ctx, { profileId: randomUUID() }, sb.clients)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // A wiped person is not read back from Trulioo at all.
    const wiped = await db.profile.findFirstOrThrow({ where: { status: "PENDING_REVIEW", id: { not: profile.id } } });
    await db.profile.update({ where: { id: wiped.id }, data: { piiWipedAt: new Date() } });
    const reads = async () => ((await sb.control("/stats")) as { routes: { trulioo: Record<string, number> } }).routes.trulioo["GET /v2/query/client/:clientId"] ?? 0;
    const readsBefore = await reads();
    await expect(refreshProfile(ctx, { profileId: wiped.id }, sb.clients)).rejects.toMatchObject({ code: "GONE", message: expect.stringContaining("wiped") });
    expect(await reads()).toBe(readsBefore);
    await db.profile.update({ where: { id: wiped.id }, data: { piiWipedAt: null } });
    await expect(refreshProfile(ctx, { profileId: profile.id }, { ...sb.clients, trulioo: null })).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    const failed = await db.auditEvent.count({ where: { action: "profile.refresh", outcome: "FAILED", targetId: { in: [profile.id, ghostId, wiped.id] } } });
    expect(failed).toBe(5);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { runSyncStages } from "../../lib/sync/run-sync";
import { SyncContext } from "../../lib/sync/context";
import { syncOneProfile } from "../../lib/sync/sync-trulioo";
import { writeExecutions } from "../../lib/sync/write-executions";
import { createIsolatedDatabase } from "../support/db";
import { startTestSandbox } from "../support/sandbox";
import { readUpstream } from "../support/truth";

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

async function expectExactCopy(db: PrismaClient, sb: Sandbox) {
  const truth = await readUpstream(sb.clients);
  const stats = (await sb.control("/stats")) as { data: { profiles: number }; overlays: { truliooProfiles: number } };
  // Paging drift ("grow") adds live profiles past the generated ones.
  expect(truth.profiles.size).toBeGreaterThanOrEqual(stats.data.profiles);

  const profiles = await db.profile.findMany({ select: { id: true, status: true, lastModified: true, workflowIds: true } });
  expect(profiles.length).toBe(truth.profiles.size);
  for (const p of profiles) {
    const upstream = truth.profiles.get(p.id);
    expect(upstream, `profile ${p.id} exists upstream`).toBeDefined();
    expect(p.status).toBe(upstream!.status);
    expect(p.lastModified.getTime()).toBe(upstream!.lastModified.getTime());
    expect(p.workflowIds).toEqual(Object.keys(upstream!.flowData).sort());
  }
  // The list's facets, kept batch by batch during the sync, equal a recomputation over all rows now.
  const facets = () =>
    db.$queryRawUnsafe<unknown[]>(
      "SELECT id, workflow_ids, service_outcome, has_files, link_count, execution_count, latest_decision, latest_execution_at FROM profiles ORDER BY id",
    );
  const kept = await facets();
  await db.$executeRawUnsafe("SELECT refresh_profile_facets(coalesce((SELECT array_agg(id) FROM profiles), '{}'))");
  expect(await facets()).toEqual(kept);

  const sum = (f: (c: (typeof truth.profiles extends Map<string, infer V> ? V : never)) => number) =>
    [...truth.profiles.values()].reduce((n, c) => n + f(c), 0);
  const flows = (c: Parameters<Parameters<typeof sum>[0]>[0]) => Object.values(c.flowData);
  expect(await db.profileFlow.count()).toBe(sum((c) => flows(c).length));
  expect(await db.fieldValue.count()).toBe(sum((c) => flows(c).reduce((n, f) => n + Object.keys(f.fieldData).length, 0)));
  expect(await db.serviceResult.count()).toBe(sum((c) => flows(c).reduce((n, f) => n + f.serviceData.length, 0)));
  expect(await db.profileFile.count()).toBe(
    sum((c) => flows(c).reduce((n, f) => n + Object.keys(f.fileData).length + Object.values(f.enhancedFileData).flat().length, 0)),
  );

  const jumio = await db.execution.findMany({ where: { provider: "JUMIO" }, select: { id: true, status: true, decisionType: true } });
  expect(jumio.length).toBe(truth.jumio.size);
  for (const e of jumio) expect({ status: e.status, decision: e.decisionType }).toEqual(truth.jumio.get(e.id));
  const trustx = await db.execution.findMany({ where: { provider: "TRUSTX" }, select: { id: true, status: true } });
  expect(trustx.length).toBe(truth.trustx.size);
  for (const e of trustx) expect(e.status).toBe(truth.trustx.get(e.id));

  // A sample compared field by field.
  for (const id of [...truth.profiles.keys()].slice(0, 8)) {
    const upstream = truth.profiles.get(id)!;
    const local = await db.profile.findUniqueOrThrow({ where: { id }, include: { fields: true, services: true, files: true, notes: true } });
    for (const [flowId, flow] of Object.entries(upstream.flowData)) {
      for (const [elementId, field] of Object.entries(flow.fieldData)) {
        const row = local.fields.find((f) => f.flowId === flowId && f.elementId === elementId);
        expect(row, `${id} ${flowId} ${elementId}`).toMatchObject({ name: field.name, role: field.role ?? null, values: field.value });
      }
      flow.serviceData.forEach((s, position) => {
        const row = local.services.find((r) => r.flowId === flowId && r.position === position);
        expect(row).toMatchObject({ nodeId: s.nodeId, serviceStatus: s.serviceStatus, match: s.match ?? null });
        expect(row?.transactionRecordId).toBe(s.transactionInfo?.transactionRecordId ?? null);
      });
      for (const [elementId, key] of Object.entries(flow.fileData)) {
        expect(local.files.some((f) => f.elementId === elementId && f.fileKey === key && !f.enhanced)).toBe(true);
      }
    }
    expect(local.notes.map((n) => n.id).sort()).toEqual(upstream.notes.map((n) => n.id).sort());
  }
  return truth;
}

describe("sync of the sandbox into Postgres", () => {
  let sb: Sandbox;
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let db: PrismaClient;
  const run = (kind: "INCREMENTAL" | "FULL" = "INCREMENTAL") => runSyncStages({ db, pool: isolated.pool, clients: sb.clients, kind, concurrency: 8, batchSize: 25 });

  beforeAll(async () => {
    sb = await startTestSandbox({ profiles: 60, seed: 11 });
    isolated = await createIsolatedDatabase("sync");
    db = isolated.db;
  });
  afterAll(async () => {
    await sb?.sandbox.close();
    await isolated?.drop();
  });
  beforeEach(async () => {
    await sb.control("/reset", {});
    await db.$executeRawUnsafe("TRUNCATE profiles, executions, workflows, sync_cursors, sync_errors, sync_runs, webhook_events CASCADE");
  });

  it("copies every profile, flow, field, file, service result, execution and instance exactly", async () => {
    const totals = await run();
    expect(totals.errors).toBe(0);
    const truth = await expectExactCopy(db, sb);
    expect(totals.created).toBe(truth.profiles.size + truth.jumio.size + truth.trustx.size);
    expect(await db.workflow.count()).toBeGreaterThanOrEqual(2);
  });

  it("links executions to profiles from either side, whichever syncs first", async () => {
    await run();
    const linked = await db.execution.count({ where: { provider: "JUMIO", profileId: { not: null } } });
    const referencing = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM executions e JOIN profiles p ON e.customer_reference = p.id::text WHERE e.provider = 'JUMIO'`;
    expect(linked).toBeGreaterThan(0);
    expect(linked).toBeGreaterThanOrEqual(Number(referencing[0]!.n));

    // Executions first, then profiles: the link still appears once both are there.
    await db.$executeRawUnsafe("TRUNCATE profiles, sync_cursors CASCADE");
    expect(await db.execution.count({ where: { profileId: { not: null } } })).toBe(0);
    await run("FULL");
    expect(await db.execution.count({ where: { provider: "JUMIO", profileId: { not: null } } })).toBe(linked);
  });

  it("changes nothing when run again over the same data, and updates what changed upstream", async () => {
    await run();
    const before = await db.profile.findMany({ select: { id: true, syncedAt: true }, orderBy: { id: "asc" } });
    const again = await run();
    expect(again).toMatchObject({ created: 0, updated: 0, errors: 0 });
    expect(await db.profile.findMany({ select: { id: true, syncedAt: true }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await run("FULL")).toMatchObject({ created: 0, updated: 0, errors: 0 });

    const target = await db.profile.findFirstOrThrow({ where: { status: "PENDING_REVIEW" } });
    const result = await sb.clients.trulioo!.updateStatuses([target.id], "ACCEPTED");
    expect(result.changed).toEqual([target.id]);
    const after = await run();
    expect(after.updated).toBeGreaterThanOrEqual(1);
    expect(after.created).toBe(0);
    expect((await db.profile.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACCEPTED");
  });

  it("ends exact under 429s, 5xx bursts, timeouts, early token expiry and paging drift; a malformed record becomes a SyncError", async () => {
    const badClient = (await sb.control("/trulioo/clients/by-index/7")) as { id: string };
    await sb.control("/faults", [
      { provider: "all", next429: 2, retryAfterSeconds: 0, next500: 2, next503: 1, rate5xx: 0.05, nextTimeouts: 1, hangMs: 2500 },
      { provider: "trulioo", pagingDrift: { count: 2, mode: "grow" }, malformed: { clientId: badClient.id } },
    ]);
    const firstPass = run();
    await new Promise((r) => setTimeout(r, 50));
    await sb.control("/faults", { provider: "all", expireTokens: true });
    const totals = await firstPass;
    expect(totals.errors).toBe(1);
    const errors = await db.syncError.findMany();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ source: "trulioo.client", externalId: badClient.id });
    expect(JSON.stringify(errors[0]!.issues)).toContain("created");
    expect(errors[0]!.raw).toMatchObject({ id: badClient.id });

    // Everything but the malformed record arrived despite the faults.
    await sb.control("/faults", undefined, "DELETE");
    const truth = await readUpstream(sb.clients);
    const held = await db.profile.findMany({ select: { id: true, status: true } });
    expect(held.map((p) => p.id).sort()).toEqual([...truth.profiles.keys()].filter((id) => id !== badClient.id).sort());
    for (const p of held) expect(p.status).toBe(truth.profiles.get(p.id)!.status);
    expect(await db.execution.count()).toBe(truth.jumio.size + truth.trustx.size);

    // Once the record is repaired upstream, a full pass makes the copy exact.
    await run("FULL");
    await expectExactCopy(db, sb);
  });

  it("a record moving while pages are read does not make the first sync miss another one", async () => {
    await sb.control("/faults", { provider: "trulioo", pagingDrift: { count: 3, mode: "shift" } });
    await run();
    await sb.control("/faults", undefined, "DELETE");
    await expectExactCopy(db, sb);
  });

  it("an older read never replaces a newer copy written meanwhile", async () => {
    const base = {
      provider: "JUMIO" as const, id: crypto.randomUUID(), accountId: crypto.randomUUID(), definition: "10013", decisionType: "PASSED",
      decisionLabel: "PASSED", riskScore: 10, customerReference: null, firstName: null, lastName: null, createdAt: new Date(),
      completedAt: null, wipedOutAt: null, feedbackStatus: null, feedbackReason: null, raw: {},
    };
    const newer = { ...base, status: "PROCESSED", contentHash: "new", fetchedAt: new Date(Date.now()) };
    const older = { ...base, status: "ACQUIRED", contentHash: "old", fetchedAt: new Date(Date.now() - 5_000) };
    await writeExecutions(isolated.pool, [newer]);
    await writeExecutions(isolated.pool, [older]);
    expect((await db.execution.findUniqueOrThrow({ where: { provider_id: { provider: "JUMIO", id: base.id } } })).status).toBe("PROCESSED");
  });

  it("re-syncs the one end client a webhook names", async () => {
    await run();
    const target = await db.profile.findFirstOrThrow({ where: { status: "REJECTED" } });
    await sb.clients.trulioo!.updateStatuses([target.id], "PENDING_REVIEW");
    const ctx = new SyncContext({ db, pool: isolated.pool, clients: sb.clients, kind: "INCREMENTAL" });
    expect(await syncOneProfile(ctx, target.id)).toBe("written");
    expect((await db.profile.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("PENDING_REVIEW");
    expect(ctx.totals.updated).toBe(1);
  });
});

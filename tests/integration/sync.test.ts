import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { runSyncStages } from "../../lib/sync/run-sync";
import { SyncContext } from "../../lib/sync/context";
import { syncOneProfile } from "../../lib/sync/sync-trulioo";
import { writeExecutions } from "../../lib/sync/write-executions";
import { createIsolatedDatabase } from "../support/db";
import { driftFired, driftNow, startTestSandbox } from "../support/sandbox";
import { mismatches, readTruth, report } from "../support/independent-truth";

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

/** The database equals upstream field by field (reference read without the app's code), and the list facets hold. */
async function expectExactCopy(db: PrismaClient, sb: Sandbox) {
  const truth = await readTruth(sb.env);
  const stats = (await sb.control("/stats")) as { data: { profiles: number } };
  // Paging drift ("grow") adds live profiles past the generated ones.
  expect(truth.profiles.size).toBeGreaterThanOrEqual(stats.data.profiles);
  expect(report(await mismatches(db, truth))).toBe("exact");

  // The list's facets, kept batch by batch during the sync, equal a recomputation over all rows now.
  const facets = () =>
    db.$queryRawUnsafe<unknown[]>(
      "SELECT id, workflow_ids, service_outcome, has_files, link_count, execution_count, latest_decision, latest_execution_at FROM profiles ORDER BY id",
    );
  const kept = await facets();
  await db.$executeRawUnsafe("SELECT refresh_profile_facets(coalesce((SELECT array_agg(id) FROM profiles), '{}'))");
  expect(await facets()).toEqual(kept);
  return truth;
}

describe("sync of the sandbox into Postgres", () => {
  let sb: Sandbox;
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let db: PrismaClient;
  let listCalls = 0;
  let beforeList: ((call: number) => Promise<void>) | null = null;
  const run = (kind: "INCREMENTAL" | "FULL" = "INCREMENTAL") => runSyncStages({ db, pool: isolated.pool, clients: sb.clients, kind, concurrency: 8, batchSize: 25 });

  beforeAll(async () => {
    sb = await startTestSandbox({ profiles: 60, seed: 11 }, {
      onRequest: async (url) => {
        if (url.pathname.endsWith("/v2/query/clients")) await beforeList?.(++listCalls);
      },
    });
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

  it("the reference names the record and column of every kind of difference", async () => {
    await run();
    const truth = await readTruth(sb.env);
    const sizes = Object.fromEntries(Object.entries(truth.expected.children).map(([k, m]) => [k, m.size]));
    for (const [table, size] of Object.entries(sizes)) expect(size, table).toBeGreaterThan(0);
    const field = await db.fieldValue.findFirstOrThrow({ where: { role: "first_name" } });
    const service = await db.serviceResult.findFirstOrThrow({ where: { timestamp: { not: null } } });
    const jumio = await db.execution.findFirstOrThrow({ where: { provider: "JUMIO", status: "PROCESSED" } });
    const trustx = await db.execution.findFirstOrThrow({ where: { provider: "TRUSTX" } });
    await db.profile.update({ where: { id: field.profileId }, data: { country: "ZZ" } });
    await db.fieldValue.update({ where: { profileId_flowId_elementId: { profileId: field.profileId, flowId: field.flowId, elementId: field.elementId } }, data: { values: ["Mallory"] } });
    await db.serviceResult.update({ where: { profileId_flowId_position: { profileId: service.profileId, flowId: service.flowId, position: service.position } }, data: { timestamp: new Date(service.timestamp!.getTime() + 1000) } });
    const raw = jumio.raw as { record: { credentials: { parts: unknown[] }[] } };
    raw.record.credentials[0]!.parts = [];
    await db.execution.update({ where: { provider_id: { provider: "JUMIO", id: jumio.id } }, data: { raw: raw as unknown as Prisma.InputJsonObject } });
    await db.execution.update({ where: { provider_id: { provider: "TRUSTX", id: trustx.id } }, data: { completedAt: new Date(0) } });
    const lines = await mismatches(db, truth);
    expect(lines.map((l) => l.split(":")[0])).toEqual(
      expect.arrayContaining([
        `profile ${field.profileId} country`,
        `field ${field.profileId}|${field.flowId}|${field.elementId} values`,
        `service ${service.profileId}|${service.flowId}|${service.position} timestamp`,
        `execution JUMIO|${jumio.id} stored`,
        `execution TRUSTX|${trustx.id} completedAt`,
      ]),
    );
    expect(lines).toHaveLength(5);
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
      { provider: "trulioo", malformed: { clientId: badClient.id } },
    ]);
    // Before the second list call, two profiles are appended (the sandbox's "grow").
    const fired = await driftFired(sb, "trulioo");
    listCalls = 0;
    beforeList = async (call) => {
      if (call === 2) await driftNow(sb, "trulioo", "grow", 2);
    };
    const firstPass = run();
    await new Promise((r) => setTimeout(r, 50));
    await sb.control("/faults", { provider: "all", expireTokens: true });
    const totals = await firstPass;
    beforeList = null;
    expect((await driftFired(sb, "trulioo")) - fired).toBe(2);
    expect(totals.errors).toBe(1);
    const errors = await db.syncError.findMany();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ source: "trulioo.client", externalId: badClient.id });
    expect(JSON.stringify(errors[0]!.issues)).toContain("created");
    expect(errors[0]!.raw).toMatchObject({ id: badClient.id });

    // Everything but the malformed record arrived despite the faults.
    await sb.control("/faults", undefined, "DELETE");
    const truth = await readTruth(sb.env);
    const missed = await mismatches(db, truth, { ignore: (line) => line.includes(badClient.id) });
    expect(report(missed)).toBe("exact");
    expect(await db.profile.count({ where: { id: badClient.id } })).toBe(0);

    // Once the record is repaired upstream, a full pass makes the copy exact.
    await run("FULL");
    await expectExactCopy(db, sb);
  });

  it("a record moving while pages are read does not make the first sync miss another one", async () => {
    // Before the second list call, the first record moves to the end (the sandbox's "shift").
    const fired = await driftFired(sb, "trulioo");
    listCalls = 0;
    beforeList = async (call) => {
      if (call === 2) await driftNow(sb, "trulioo", "shift");
    };
    await run();
    beforeList = null;
    expect((await driftFired(sb, "trulioo")) - fired).toBe(1);
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

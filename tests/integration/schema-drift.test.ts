import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import * as generatedEnums from "../../lib/generated/prisma/enums";
import { createTestDb, databaseUrl, uniqueEmail } from "../support/db";

// schema.prisma and the hand-written SQL migrations must describe the same database: every model
// and field is written and read through the generated client, and every column and enum value in
// the database is known to the schema.
type RuntimeModel = { dbName: string | null; fields: { name: string; kind: string; dbName?: string }[] };

describe("schema.prisma matches the migrations", () => {
  const db = createTestDb();
  const sql = new pg.Client({ connectionString: databaseUrl() });
  afterAll(async () => {
    await db.$disconnect();
    await sql.end();
  });

  it("writes and reads every field of every model", async () => {
    const at = new Date("2026-01-02T03:04:05.678Z");
    const user = await db.user.create({
      data: {
        email: uniqueEmail("drift"),
        name: "Zoë Łukasz-Nguyễn",
        role: "AUDITOR",
        passwordHash: "hash",
        mustChangePassword: true,
        active: false,
        deactivatedAt: at,
        lastSignInAt: at,
      },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      name: "Zoë Łukasz-Nguyễn",
      role: "AUDITOR",
      passwordHash: "hash",
      mustChangePassword: true,
      active: false,
      deactivatedAt: at,
      lastSignInAt: at,
    });
    const event = await db.auditEvent.create({
      data: {
        at,
        actorId: user.id,
        actorEmail: user.email,
        actorRole: "AUDITOR",
        action: "drift.check",
        targetType: "user",
        targetId: user.id,
        outcome: "DENIED",
        details: { nested: { ok: true } },
        requestId: "r-1",
        ip: "203.0.113.7",
        userAgent: "ua",
      },
    });
    const read = await db.auditEvent.findUniqueOrThrow({ where: { id: event.id }, include: { actor: true } });
    expect(read).toMatchObject({ at, actorRole: "AUDITOR", outcome: "DENIED", details: { nested: { ok: true } }, ip: "203.0.113.7" });
    expect(read.actor?.id).toBe(user.id);
  });

  it("round-trips every field of the synced-data models", async () => {
    const at = new Date("2026-02-03T04:05:06.789Z");
    const profileId = crypto.randomUUID();
    const otherId = crypto.randomUUID();
    await db.workflow.create({ data: { id: `wf-${profileId}`, name: "KYC", corporate: true, published: false, createdAt: at, raw: { a: 1 } } });
    const base = { status: "ACCEPTED", profileType: "NORMAL", statusManuallyChanged: true, createdAt: at, lastModified: at, raw: {}, contentHash: "h" };
    await db.profile.create({
      data: {
        ...base,
        id: profileId,
        ownerIds: ["o1", "o2"],
        upstreamUser: "u",
        fullName: "Nguyễn Thị Minh",
        email: "minh@example.com",
        country: "VN",
        dateOfBirth: "1990-01-02",
        piiWipedAt: at,
        workflowIds: ["f1"],
        serviceOutcome: "ALL_MATCHED",
        hasFiles: true,
        linkCount: 1,
        executionCount: 1,
        latestDecision: "WARNING",
        latestExecutionAt: at,
        flows: { create: { flowId: "f1", completed: true } },
        fields: { create: { flowId: "f1", elementId: "e1", name: "First Name", role: "first_name", normalizedName: "FirstName", values: ["Minh", "M"] } },
        files: { create: { flowId: "f1", elementId: "e2", fileKey: "a+b/c=", position: 0, enhanced: true } },
        services: {
          create: {
            flowId: "f1", position: 0, nodeId: "n1", nodeTitle: "Doc", nodeType: "trulioo_doc_v", serviceStatus: "COMPLETED",
            match: true, secondaryMatch: false, timestamp: at, transactionRecordId: "tr", transactionInfo: { x: 1 },
          },
        },
        notes: { create: { id: "n1", text: "note", createdBy: "a", createdAt: at } },
        tasks: { create: { id: "t1", text: "task", resolved: true, createdBy: "a", updatedBy: "b", createdAt: at, updatedAt: at } },
      },
    });
    await db.profile.create({ data: { ...base, id: otherId, ownerIds: [] } });
    await db.profileLink.create({ data: { fromId: profileId, toId: otherId, type: "OWNS" } });
    await db.execution.create({
      data: {
        provider: "JUMIO", id: `x-${profileId}`, accountId: "acc", definition: "10013", status: "PROCESSED", decisionType: "WARNING",
        decisionLabel: "WARNING", riskScore: 48, customerReference: profileId, profileId, firstName: "Minh", lastName: "Nguyễn",
        createdAt: at, completedAt: at, wipedOutAt: at, feedbackStatus: "FRAUD", feedbackReason: "PHISHING", raw: { r: 1 }, contentHash: "h",
      },
    });
    const run = await db.syncRun.create({
      data: { kind: "INCREMENTAL", state: "FAILED", requestedBy: "me", startedAt: at, finishedAt: at, heartbeatAt: at, created: 1, updated: 2, unchanged: 3, errors: 4, processed: 5, expected: 6, stage: "trulioo", failure: "why" },
    });
    await db.syncError.create({ data: { runId: run.id, source: "trulioo.client", externalId: "c1", message: "bad", issues: [{ path: "status" }], raw: { s: 1 } } });
    await db.syncCursor.create({ data: { key: `k-${profileId}`, watermark: at } });
    await db.webhookEvent.create({
      data: {
        source: "trulioo", dedupeKey: `d-${profileId}`, type: "FLOW_END", subjectId: profileId, payload: { p: 1 }, state: "FAILED", attempts: 2, error: "e", processedAt: at,
        lane: 1, nextAttemptAt: at, claimedAt: at, claimedBy: "w1", outcome: "reread",
      },
    });
    expect(await db.webhookEvent.findFirstOrThrow({ where: { dedupeKey: `d-${profileId}` } })).toMatchObject({ lane: 1, nextAttemptAt: at, claimedAt: at, claimedBy: "w1", outcome: "reread" });
    const change = await db.localChange.create({ data: { source: "trulioo", subjectId: profileId, eventType: "MANUALLY_ACCEPTED", expected: { status: "ACCEPTED" }, expiresAt: at } });
    expect(await db.localChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ subjectId: profileId, expected: { status: "ACCEPTED" }, expiresAt: at, createdAt: expect.any(Date) });

    const read = await db.profile.findUniqueOrThrow({
      where: { id: profileId },
      include: { flows: true, fields: true, files: true, services: true, notes: true, tasks: true, linksFrom: true, executions: true },
    });
    expect(read).toMatchObject({ ownerIds: ["o1", "o2"], fullName: "Nguyễn Thị Minh", piiWipedAt: at, workflowIds: ["f1"], latestExecutionAt: at });
    expect(read.fields[0]).toMatchObject({ values: ["Minh", "M"], role: "first_name" });
    expect(read.services[0]).toMatchObject({ timestamp: at, transactionInfo: { x: 1 } });
    expect(read.files[0]?.fileKey).toBe("a+b/c=");
    expect(read.linksFrom[0]).toMatchObject({ toId: otherId, type: "OWNS" });
    expect(read.executions[0]).toMatchObject({ riskScore: 48, feedbackReason: "PHISHING", wipedOutAt: at });
    expect(await db.syncError.findFirstOrThrow({ where: { runId: run.id }, include: { run: true } })).toMatchObject({ run: { expected: 6 } });
  });

  it("round-trips every field of the sign-in throttle", async () => {
    const at = new Date("2026-03-04T05:06:07.891Z");
    const key = `ip:drift-${crypto.randomUUID()}`;
    await db.signInThrottle.create({ data: { key, kind: "IP", failures: 3, windowStart: at, lockedUntil: at, lockCount: 2, refused: 7 } });
    expect(await db.signInThrottle.findUniqueOrThrow({ where: { key } })).toMatchObject({
      kind: "IP", failures: 3, windowStart: at, lockedUntil: at, lockCount: 2, refused: 7, updatedAt: expect.any(Date),
    });
  });

  it("round-trips a saved view", async () => {
    const owner = await db.user.create({ data: { email: uniqueEmail("views"), name: "Views", role: "ANALYST" } });
    const view = await db.savedView.create({ data: { ownerId: owner.id, list: "profiles", name: "Zoë's queue", query: "status=ACCEPTED", shared: true } });
    expect(await db.savedView.findUniqueOrThrow({ where: { id: view.id }, include: { owner: true } })).toMatchObject({
      name: "Zoë's queue", query: "status=ACCEPTED", shared: true, owner: { id: owner.id },
    });
  });

  it("has no column the schema does not know, and none missing", async () => {
    await sql.connect();
    const models = (db as unknown as { _runtimeDataModel: { models: Record<string, RuntimeModel> } })._runtimeDataModel.models;
    for (const [name, model] of Object.entries(models)) {
      const table = model.dbName ?? name;
      const { rows } = await sql.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
        [table],
      );
      const expected = model.fields.filter((f) => f.kind !== "object").map((f) => f.dbName ?? f.name);
      expect(rows.map((r) => r.column_name).sort(), `columns of ${table}`).toEqual(expected.sort());
    }
  });

  it("has the same enum values", async () => {
    const enums = generatedEnums as unknown as Record<string, Record<string, string>>;
    expect(Object.keys(enums).length).toBeGreaterThan(2);
    for (const [name, values] of Object.entries(enums)) {
      const { rows } = await sql.query<{ enumlabel: string }>(
        "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder",
        [name],
      );
      expect(rows.map((r) => r.enumlabel), name).toEqual(Object.values(values));
    }
  });
});

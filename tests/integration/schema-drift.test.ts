import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { AuditOutcome, Role } from "../../lib/generated/prisma/enums";
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
    const enums: Record<string, Record<string, string>> = { Role, AuditOutcome };
    for (const [name, values] of Object.entries(enums)) {
      const { rows } = await sql.query<{ enumlabel: string }>(
        "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder",
        [name],
      );
      expect(rows.map((r) => r.enumlabel), name).toEqual(Object.values(values));
    }
  });
});

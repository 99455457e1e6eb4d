// An upstream record with an over-long id, status or reference is a contract breach: it becomes a
// SyncError and the run goes on, instead of a database error ("index row requires … bytes").
// A part of a record that cannot be read (a step, a rule) is set aside the same way, and the record kept.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JumioClient } from "../../lib/providers/jumio/client";
import { SyncContext } from "../../lib/sync/context";
import { syncJumioExecutions, syncOneExecution } from "../../lib/sync/sync-jumio";
import { createIsolatedDatabase } from "../support/db";

const HUGE = "x".repeat(900 * 1024);
const AUTH = "http://jumio-auth.test";
const RETRIEVAL = "http://jumio-retrieval.test";

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function fakeJumio(list: unknown[], records: Map<string, unknown>, parts: Map<string, unknown> = new Map()) {
  const fetch = async (input: RequestInfo | URL) => {
    const url = String(input);
    const { pathname } = new URL(url);
    if (url.startsWith(`${AUTH}/oauth2/token`)) return json({ access_token: "t", expires_in: 3600 });
    if (pathname === "/api/v1/workflow-executions") return json({ workflowExecutions: list });
    // Steps and rules by "<id>/steps" or "<id>/rules"; a part not given answers 404 (none yet).
    const part = /^\/api\/v1\/accounts\/[^/]+\/workflow-executions\/([^/]+\/(?:steps|rules))$/.exec(pathname);
    if (part) return parts.has(part[1]!) ? json(parts.get(part[1]!)) : json({ message: "not found" }, 404);
    const match = /^\/api\/v1\/accounts\/[^/]+\/workflow-executions\/([^/]+)$/.exec(pathname);
    const record = match ? records.get(decodeURIComponent(match[1]!)) : undefined;
    return record ? json(record) : json({ message: "not found" }, 404);
  };
  return new JumioClient(
    { authUrl: AUTH, retrievalUrl: RETRIEVAL, clientId: "id", clientSecret: "secret", userAgent: "ComplianceDesk/test", timeoutMs: 5000, maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    { fetch, sleep: async () => undefined },
  );
}

describe("sync bounds what it writes into indexes and keys", () => {
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  beforeAll(async () => {
    isolated = await createIsolatedDatabase("bounds");
  });
  afterAll(() => isolated.drop());

  const ACCOUNT = randomUUID();
  const item = (id: string, overrides: Record<string, unknown> = {}) => ({
    id, status: "PROCESSED", definitionKey: "10013", createdAt: "2026-01-21T14:55:01.917Z", account: { id: ACCOUNT }, customerInternalReference: "ref", ...overrides,
  });
  const record = (id: string, workflow: Record<string, unknown> = {}) => ({
    workflow: { id, status: "PROCESSED", definitionKey: "10013", customerInternalReference: "ref", ...workflow },
    account: { id: ACCOUNT },
    createdAt: "2026-01-21T14:55:01.917Z",
  });

  it("turns a record with a 900 KB customer reference into a SyncError, not a crash", async () => {
    const id = randomUUID();
    const client = fakeJumio([], new Map([[id, record(id, { customerInternalReference: HUGE })]]));
    const ctx = new SyncContext({ db: isolated.db, pool: isolated.pool, clients: { trulioo: null, jumio: client, trustx: null }, kind: "INCREMENTAL" });
    expect(await syncOneExecution(ctx, ACCOUNT, id)).toBe("error");
    expect(await isolated.db.execution.count({ where: { id } })).toBe(0);
    const errors = await isolated.db.syncError.findMany({ where: { externalId: id } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ source: "jumio.execution" });
  });

  it("sets aside a listed item with a 900 KB status or id and writes the others", async () => {
    const good = randomUUID();
    const badStatus = randomUUID();
    const list = [item(good), item(badStatus, { status: HUGE }), item(HUGE)];
    const client = fakeJumio(list, new Map([[good, record(good)]]));
    const ctx = new SyncContext({ db: isolated.db, pool: isolated.pool, clients: { trulioo: null, jumio: client, trustx: null }, kind: "FULL" });
    await syncJumioExecutions(ctx);
    expect(await isolated.db.execution.findMany({ select: { id: true } })).toEqual([{ id: good }]);
    const errors = await isolated.db.syncError.findMany({ where: { source: "jumio.execution", message: "record failed validation" } });
    expect(errors.map((e) => e.externalId).sort()).toEqual([badStatus, HUGE.slice(0, 200)].sort());
  });

  it("sets aside a step and a rule it cannot read, through a whole sync: the execution is stored with the rest, each bad part is a SyncError with its JSON, the copy keeps what Jumio sent", async () => {
    const id = randomUUID();
    const steps = { steps: [{ id: "step-1", name: "Document check", capabilities: ["usability"] }, { name: "no id at all", capabilities: 7 }] };
    const rules = { executions: [{ id: "rule-1", name: "Age over 18", result: "PASSED" }, "not a rule"] };
    const client = fakeJumio([item(id)], new Map([[id, record(id)]]), new Map<string, unknown>([[`${id}/steps`, steps], [`${id}/rules`, rules]]));
    const ctx = new SyncContext({ db: isolated.db, pool: isolated.pool, clients: { trulioo: null, jumio: client, trustx: null }, kind: "FULL" });
    await syncJumioExecutions(ctx);

    const stored = await isolated.db.execution.findFirstOrThrow({ where: { provider: "JUMIO", id } });
    expect(stored.raw).toMatchObject({ steps, rules });
    const errors = await isolated.db.syncError.findMany({ where: { externalId: id }, orderBy: { source: "asc" } });
    expect(errors.map((e) => e.source)).toEqual(["jumio.execution.rules", "jumio.execution.steps"]);
    expect(errors.map((e) => e.raw)).toEqual(["not a rule", { name: "no id at all", capabilities: 7 }]);
    for (const e of errors) expect(e.message).toContain("the rest of the record was kept");
  });
});

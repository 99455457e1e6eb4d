import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { optionsFromEnv } from "../config";
import { startSandbox } from "../server";
import { boot, UA, type Harness } from "./helpers";

interface Stats {
  routes: Record<string, Record<string, number>>;
  reads: { tracking: boolean; routes: Record<string, { ids: number; reads: number }> };
  counters: Record<string, Record<string, number>>;
}

/** A process environment holding only these variables. */
const envOf = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...vars });

const E3 = "GET /v2/query/client/:clientId";
const J2 = "GET /api/v1/accounts/:accountId/workflow-executions/:executionId";
const X3 = "GET /api/process-manager/processInstances/:id";
const X4 = "GET /api/process-manager/processInstances/:id/withParameters";
const X7 = "GET /api/userdata-server/processDefinitions/:defnId/processInstances/:id/userdata";

describe("per-route request counters and per-id reads", () => {
  let h: Harness;
  let tr: Record<string, string>;
  let jm: Record<string, string>;
  let tx: Record<string, string>;
  const stats = async (): Promise<Stats> => (await h.control("/stats")).json() as Promise<Stats>;
  const reads = async (route: string): Promise<Record<string, number>> => (await h.control(`/reads?route=${encodeURIComponent(route)}`)).json() as Promise<Record<string, number>>;

  beforeAll(async () => {
    h = await boot({ profiles: 30, trackReads: true });
    tr = { authorization: `Bearer ${await h.truliooToken()}` };
    jm = { authorization: `Bearer ${await h.jumioToken()}`, ...UA };
    tx = { authorization: `Bearer ${await h.trustxToken()}` };
  });
  afterAll(() => h.close());

  it("counts every provider request by provider, method and route pattern; /stats/reset clears only counters", async () => {
    await h.control("/stats/reset", {});
    const page = (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/clients?limit=5`, { headers: tr })).json()) as { data: Array<{ id: string }> };
    const ids = page.data.map((c) => c.id);
    for (const id of ids) await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/client/${id}`, { headers: tr });
    await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/client/${ids[0]}`, { headers: tr });
    await fetch(`${h.env.TRULIOO_EXPORT_URL}/test/v2/query/clients`, { headers: tr });
    await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/nothing-here`, { headers: tr });
    await fetch(`${h.env.JUMIO_RETRIEVAL_URL}/api/v1/workflow-executions?size=3`, { headers: jm });
    await h.control("/faults", { provider: "trustx", next503: 1 });
    await fetch(`${h.env.TRUSTX_BASE_URL}/api/process-manager/processInstances`, { headers: tx });
    await fetch(`${h.env.TRUSTX_BASE_URL}/api/process-manager/processInstances`, { headers: tx });

    const s = await stats();
    expect(s.routes.trulioo).toEqual({
      "GET /v2/query/clients": 2, // the /test call counts under the same pattern
      [E3]: ids.length + 1,
      "GET (no route)": 1,
    });
    expect(s.routes.jumio).toEqual({ "GET /api/v1/workflow-executions": 1 });
    // A request answered by an injected fault still reached that route.
    expect(s.routes.trustx).toEqual({ "GET /api/process-manager/processInstances": 2 });
    expect(s.routes.control).toBeUndefined();

    const before = (await (await h.control("/stats")).json()) as { overlays: unknown; faults: unknown };
    expect(await (await h.control("/stats/reset", {})).json()).toEqual({ reset: "counters" });
    const after = (await (await h.control("/stats")).json()) as Stats & { overlays: unknown; faults: unknown };
    expect(after.routes).toEqual({});
    // Only the reset call itself has been counted since.
    expect(after.counters).toEqual({ requests: { control: 1 }, status: { 200: 1 } });
    expect(after.reads.routes).toEqual({});
    expect(after.overlays).toEqual(before.overlays);
    expect(after.faults).toEqual(before.faults);
  });

  it("tracks detail reads per id for E3, J2, X3, X4 and X7, counting only answered reads", async () => {
    await h.control("/stats/reset", {});
    const page = (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/clients?limit=3`, { headers: tr })).json()) as { data: Array<{ id: string }> };
    const [a = "", b = ""] = page.data.map((c) => c.id);
    for (const id of [a, a, b.toUpperCase()]) expect((await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/client/${id}`, { headers: tr })).status).toBe(200);
    expect((await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/client/00000000-0000-4000-8000-000000000000`, { headers: tr })).status).toBe(404);
    expect(await reads(E3)).toEqual({ [a]: 2, [b]: 1 });
    expect(await reads(`trulioo ${E3}`)).toEqual({ [a]: 2, [b]: 1 });

    const ex = ((await (await fetch(`${h.env.JUMIO_RETRIEVAL_URL}/api/v1/workflow-executions?size=2`, { headers: jm })).json()) as { workflowExecutions: Array<{ id: string; account: { id: string } }> }).workflowExecutions;
    for (const e of ex) await fetch(`${h.env.JUMIO_RETRIEVAL_URL}/api/v1/accounts/${e.account.id}/workflow-executions/${e.id}`, { headers: jm });
    expect(await reads(J2)).toEqual(Object.fromEntries(ex.map((e) => [e.id, 1])));

    const inst = ((await (await fetch(`${h.env.TRUSTX_BASE_URL}/api/process-manager/processInstances/search?processInstanceStatus=COMPLETED_ENDED_SUCCESS&size=1`, { headers: tx })).json()) as { content: Array<{ id: string; processDefnId: string }> }).content[0];
    if (!inst) throw new Error("no completed instance");
    const base = `${h.env.TRUSTX_BASE_URL}/api`;
    await fetch(`${base}/process-manager/processInstances/${inst.id}`, { headers: tx });
    await fetch(`${base}/process-manager/processInstances/${inst.id}/withParameters`, { headers: tx });
    await fetch(`${base}/process-manager/processInstances/${inst.id}/withParameters`, { headers: tx });
    await fetch(`${base}/userdata-server/processDefinitions/${inst.processDefnId}/processInstances/${inst.id}/userdata`, { headers: tx });
    expect(await reads(X3)).toEqual({ [inst.id]: 1 });
    expect(await reads(X4)).toEqual({ [inst.id]: 2 });
    expect(await reads(X7)).toEqual({ [inst.id]: 1 });

    const s = await stats();
    expect(s.reads).toMatchObject({ tracking: true, routes: { [`trulioo ${E3}`]: { ids: 2, reads: 3 }, [`trustx ${X4}`]: { ids: 1, reads: 2 } } });
    expect((await h.control("/reads?route=GET%20/v2/query/clients")).status).toBe(404);
    expect((await h.control("/reads")).status).toBe(400);

    await h.control("/reset", {});
    expect(await reads(E3)).toEqual({});
  });

  it("does not track reads unless asked to", async () => {
    const off = await boot({ profiles: 5 });
    try {
      const res = await off.control(`/reads?route=${encodeURIComponent(E3)}`);
      expect(res.status).toBe(409);
      expect(((await (await off.control("/stats")).json()) as Stats).reads.tracking).toBe(false);
    } finally {
      await off.close();
    }
  });
});

describe("moved paths", () => {
  const moved = { "trustx GET /api/process-manager/processInstances/search": "/api/process-manager/v2/processInstances/search" };

  it("serves a moved route only at its new pattern; the old one answers the provider's 404", async () => {
    const h = await boot({ profiles: 10, movedPaths: moved });
    try {
      const tx = { authorization: `Bearer ${await h.trustxToken()}` };
      const pm = `${h.env.TRUSTX_BASE_URL}/api/process-manager`;
      const fresh = await fetch(`${pm}/v2/processInstances/search?size=3&processInstanceStatus=REVIEW,ACTIVE`, { headers: tx });
      expect(fresh.status).toBe(200);
      const page = (await fresh.json()) as { content: Array<{ status: string }> };
      expect(page.content.every((i) => ["REVIEW", "ACTIVE"].includes(i.status))).toBe(true);
      const old = await fetch(`${pm}/processInstances/search?size=3`, { headers: tx });
      expect(old.status).toBe(404);
      expect(await old.json()).toMatchObject({ status: 404, error: "Not Found", path: "/trustx/api/process-manager/processInstances/search" });
      // Other routes are untouched.
      expect((await fetch(`${pm}/processInstances?size=1`, { headers: tx })).status).toBe(200);
      const routes = ((await (await h.control("/stats")).json()) as Stats).routes.trustx;
      expect(routes).toMatchObject({ "GET /api/process-manager/v2/processInstances/search": 1, "GET /api/process-manager/processInstances/search": 1 });
    } finally {
      await h.close();
    }
  });

  it("moves routes with parameters, keeping them", async () => {
    const h = await boot({ profiles: 10, movedPaths: { "trulioo GET /v2/query/client/:clientId": "/v3/clients/:clientId" } });
    try {
      const tr = { authorization: `Bearer ${await h.truliooToken()}` };
      const id = ((await (await h.control("/trulioo/clients/by-index/3")).json()) as { id: string }).id;
      const res = await fetch(`${h.env.TRULIOO_EXPORT_URL}/v3/clients/${id}`, { headers: tr });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { id: string }).id).toBe(id);
      const old = await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/client/${id}`, { headers: tr });
      expect(old.status).toBe(404);
      expect(await old.json()).toMatchObject({ code: 404 });
    } finally {
      await h.close();
    }
  });

  it("refuses bad JSON, unknown routes and changed parameters at start", async () => {
    expect(() => optionsFromEnv(envOf({ SANDBOX_MOVED_PATHS: "{not json" }))).toThrow(/SANDBOX_MOVED_PATHS must be JSON/);
    await expect(startSandbox({ port: 0, profiles: 1, movedPaths: optionsFromEnv(envOf({ SANDBOX_MOVED_PATHS: '["x"]' })).movedPaths })).rejects.toThrow(/movedPaths must be an object/);
    await expect(startSandbox({ port: 0, profiles: 1, movedPaths: { "trustx GET /api/nowhere": "/api/somewhere" } })).rejects.toThrow(/no route "trustx GET \/api\/nowhere"/);
    await expect(startSandbox({ port: 0, profiles: 1, movedPaths: { "jumio GET /api/v1/workflow-executions": "v2/list" } })).rejects.toThrow(/must be a route pattern starting with/);
    await expect(startSandbox({ port: 0, profiles: 1, movedPaths: { "trulioo GET /v2/query/client/:clientId": "/v3/clients/:id" } })).rejects.toThrow(/same parameters/);
    await expect(startSandbox({ port: 0, profiles: 1, movedPaths: { "GET /v2/query/clients": "/v3" } })).rejects.toThrow(/must read "<trulioo\|jumio\|trustx> <METHOD> <route pattern>"/);
    const env = optionsFromEnv(envOf({ SANDBOX_MOVED_PATHS: JSON.stringify(moved), SANDBOX_TRACK_READS: "1", SANDBOX_QUIRKS: "true" }));
    expect(env).toMatchObject({ movedPaths: moved, trackReads: true, quirks: true });
  });
});

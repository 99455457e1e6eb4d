import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { boot, UA, type Harness } from "./helpers";

describe("fault injection (§6.5)", () => {
  let h: Harness;
  let trulioo: Record<string, string>;
  const clients = (q = "", headers = trulioo, signal?: AbortSignal) => fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/clients${q}`, { headers, signal });
  const fault = async (body: unknown) => {
    const res = await h.control("/faults", body);
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    h = await boot({ profiles: 120 });
  });
  beforeEach(async () => {
    await h.control("/reset", {});
    trulioo = { authorization: `Bearer ${await h.truliooToken()}` };
  });
  afterAll(() => h.close());

  it("answers 429 with Retry-After for the next N calls, scoped to one provider", async () => {
    await fault({ provider: "trulioo", next429: 2, retryAfterSeconds: 7 });
    const jumio = await fetch(`${h.env.JUMIO_RETRIEVAL_URL}/api/v1/workflow-executions`, { headers: { authorization: `Bearer ${await h.jumioToken()}`, ...UA } });
    expect(jumio.status).toBe(200);
    const first = await clients();
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("7");
    expect(await first.json()).toMatchObject({ code: 429, message: expect.any(String) });
    expect((await clients()).status).toBe(429);
    expect((await clients()).status).toBe(200);
  });

  it("bursts 500 and 503 in the provider's error shape", async () => {
    await fault({ provider: "trustx", next500: 1, next503: 1 });
    const token = await fetch(`${h.env.TRUSTX_BASE_URL}/api/arthr/apiKeys/issue`, { method: "POST", headers: { "x-api-key": "sandbox-trustx-api-key" } });
    expect(token.status).toBe(500);
    expect(await token.json()).toMatchObject({ status: 500, error: "Internal Server Error", path: "/trustx/api/arthr/apiKeys/issue" });
    expect((await fetch(`${h.env.TRUSTX_BASE_URL}/api/arthr/apiKeys/issue`, { method: "POST", headers: { "x-api-key": "sandbox-trustx-api-key" } })).status).toBe(503);
    expect((await fetch(`${h.env.TRUSTX_BASE_URL}/api/arthr/apiKeys/issue`, { method: "POST", headers: { "x-api-key": "sandbox-trustx-api-key" } })).status).toBe(200);
  });

  it("injects faults before any state change", async () => {
    const list = (await (await clients("?statuses=COMPLETED")).json()) as { data: Array<{ id: string }> };
    const id = list.data[0]?.id ?? "";
    await fault({ provider: "trulioo", next503: 1 });
    const put = await fetch(`${h.env.TRULIOO_PLATFORM_URL}/end-clients/status`, { method: "PUT", headers: { ...trulioo, "content-type": "application/json" }, body: JSON.stringify({ endClientIds: [id], status: "ACCEPTED" }) });
    expect(put.status).toBe(503);
    const rec = (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/client/${id}`, { headers: trulioo })).json()) as { status: string };
    expect(rec.status).toBe("COMPLETED");
  });

  it("adds latency and hangs past the client's timeout", async () => {
    await fault({ provider: "trulioo", latencyMs: 120 });
    const t0 = Date.now();
    expect((await clients()).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
    await fault({ provider: "trulioo", latencyMs: 0, nextTimeouts: 1, hangMs: 2000 });
    await expect(clients("", trulioo, AbortSignal.timeout(200))).rejects.toThrow();
    expect((await clients()).status).toBe(200);
  });

  it("expires every token early", async () => {
    expect((await clients()).status).toBe(200);
    await fault({ provider: "trulioo", expireTokens: true });
    const res = await clients();
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 4012 });
    const fresh = { authorization: `Bearer ${await h.truliooToken()}` };
    expect((await clients("", fresh)).status).toBe(200);
  });

  it("serves one malformed record with a wrong type in a required field", async () => {
    const page = (await (await clients("?limit=5")).json()) as { data: Array<{ id: string; created: unknown }> };
    const id = page.data[2]?.id ?? "";
    await fault({ malformed: { clientId: id } });
    const again = (await (await clients("?limit=5")).json()) as { data: Array<{ id: string; created: unknown }> };
    expect(typeof again.data[2]?.created).toBe("string");
    expect(typeof again.data[1]?.created).toBe("number");
    const detail = (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/client/${id}`, { headers: trulioo })).json()) as { created: unknown };
    expect(typeof detail.created).toBe("string");

    const jh = { authorization: `Bearer ${await h.jumioToken()}`, ...UA };
    const items = ((await (await fetch(`${h.env.JUMIO_RETRIEVAL_URL}/api/v1/workflow-executions?size=3`, { headers: jh })).json()) as { workflowExecutions: Array<{ id: string; createdAt: unknown }> }).workflowExecutions;
    await fault({ malformed: { executionId: items[1]?.id } });
    const bad = ((await (await fetch(`${h.env.JUMIO_RETRIEVAL_URL}/api/v1/workflow-executions?size=3`, { headers: jh })).json()) as { workflowExecutions: Array<{ createdAt: unknown }> }).workflowExecutions;
    expect(typeof bad[1]?.createdAt).toBe("boolean");
    expect(typeof bad[0]?.createdAt).toBe("string");
  });

  it("changes totalElements in the middle of paging", async () => {
    await fault({ provider: "trulioo", pagingDrift: { count: 1, mode: "grow" } });
    const p0 = (await (await clients("?limit=50")).json()) as { totalElements: number };
    const p1 = (await (await clients("?limit=50&page=1")).json()) as { totalElements: number };
    expect(p0.totalElements).toBe(120);
    expect(p1.totalElements).toBe(121);
    await fault({ provider: "trulioo", pagingDrift: { count: 1, mode: "shift" } });
    const s0 = (await (await clients("?limit=50")).json()) as { data: Array<{ id: string }> };
    await clients("?limit=50&page=1");
    const s0b = (await (await clients("?limit=50")).json()) as { data: Array<{ id: string }> };
    expect(s0b.data[0]?.id).not.toBe(s0.data[0]?.id);
  });

  it("validates fault requests and clears them per provider", async () => {
    expect((await h.control("/faults", { provider: "nope" })).status).toBe(400);
    expect((await h.control("/faults", { next500: -1 })).status).toBe(400);
    expect((await h.control("/faults", { typo: 1 })).status).toBe(400);
    await fault({ provider: "all", next500: 5 });
    await h.control("/faults?provider=trulioo", undefined, "DELETE");
    expect((await clients()).status).toBe(200);
    const snap = (await (await h.control("/faults")).json()) as Record<string, { next500: number }>;
    expect(snap.jumio?.next500).toBe(5);
    expect(snap.trulioo?.next500).toBe(0);
  });

  it("never answers 500 to garbage input", async () => {
    const bodies = ["", "{", "null", "[]", "\u0000\u0001", JSON.stringify({ endClientIds: "x" }), "x".repeat(2 * 1024 * 1024)];
    const targets = [
      ["PUT", `${h.env.TRULIOO_PLATFORM_URL}/end-clients/status`],
      ["POST", `${h.env.TRULIOO_PLATFORM_URL}/end-clients`],
      ["POST", `${h.env.TRULIOO_AUTH_URL}/connect/token`],
      ["POST", `${h.env.TRUSTX_BASE_URL}/api/process-manager/processTokens`],
      ["PUT", `${h.env.JUMIO_RETRIEVAL_URL}/api/v1/accounts/x/workflow-executions/y/feedback`],
      ["POST", `${h.sb.url}/_sandbox/faults`],
    ] as const;
    const tokens = { trustx: await h.trustxToken(), jumio: await h.jumioToken() };
    for (const [method, url] of targets) {
      for (const body of bodies) {
        const headers = { "content-type": "application/json", ...UA, authorization: `Bearer ${url.includes("trustx") ? tokens.trustx : url.includes("jumio") ? tokens.jumio : trulioo.authorization?.slice(7)}` };
        const res = await fetch(url, { method, headers, body });
        // An empty control request is a valid no-op; everything else here is bad input.
        if (!url.includes("/_sandbox/") || (body !== "" && body !== "[]")) expect(res.status, `${method} ${url} ${body.slice(0, 10)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
    expect((await fetch(`${h.sb.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/clients`, { method: "DELETE", headers: trulioo })).status).toBe(405);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { boot, receiver, waitFor, type Harness } from "./helpers";

interface Summary {
  id: string;
  status: string;
  lastModified: number;
  statusManuallyChanged: boolean;
}

describe("Trulioo Platform API: status, links, signed URLs", () => {
  let h: Harness;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let auth: Record<string, string>;
  const byStatus = new Map<string, string[]>();
  const platform = (method: string, path: string, body?: unknown) =>
    fetch(`${h.env.TRULIOO_PLATFORM_URL}${path}`, { method, headers: { ...auth, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const client = async (id: string) => (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/client/${id}`, { headers: auth })).json()) as Summary & { links: Array<{ from: string; to: string; type: string }> };
  const pick = (status: string, n = 0): string => byStatus.get(status)?.[n] ?? "";

  beforeAll(async () => {
    hook = await receiver();
    h = await boot({ profiles: 300, truliooWebhookUrls: [hook.url], duplicateShare: 0 });
    auth = { authorization: `Bearer ${await h.truliooToken()}` };
  });
  beforeEach(async () => {
    await h.control("/reset", {});
    await h.control("/webhooks", { trulioo: [hook.url] });
    hook.received.length = 0;
    auth = { authorization: `Bearer ${await h.truliooToken()}` };
    byStatus.clear();
    for (let page = 0; page < 6; page++) {
      const res = (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/clients?limit=50&page=${page}`, { headers: auth })).json()) as { data: Summary[] };
      for (const s of res.data) byStatus.set(s.status, [...(byStatus.get(s.status) ?? []), s.id]);
    }
  });
  afterAll(async () => {
    await h.close();
    await hook.close();
  });

  it("changes statuses, marks them manual, moves lastModified, and emits one MANUALLY_* webhook each", async () => {
    const ids = [pick("COMPLETED"), pick("PENDING_REVIEW"), pick("REJECTED")];
    const before = await client(ids[0] ?? "");
    const res = await platform("PUT", "/end-clients/status", { endClientIds: ids, status: "ACCEPTED" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: "Status updated", code: 0 });
    const after = await client(ids[0] ?? "");
    expect(after).toMatchObject({ status: "ACCEPTED", statusManuallyChanged: true });
    expect(after.lastModified).toBeGreaterThan(before.lastModified);
    // An incremental reader after the old watermark sees the change.
    const inc = (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/clients?limit=50&after=${Math.floor(Date.now() / 1000) - 60}`, { headers: auth })).json()) as { data: Summary[] };
    expect(inc.data.map((d) => d.id).sort()).toEqual([...ids].sort());
    const events = await waitFor(() => hook.events().length >= 3 && hook.events());
    expect(events.map((e) => (e.json.event as { type: string }).type)).toEqual(["MANUALLY_ACCEPTED", "MANUALLY_ACCEPTED", "MANUALLY_ACCEPTED"]);
    expect(events.map((e) => e.json.userId).sort()).toEqual([...ids].sort());
  });

  it("is atomic: one unknown id (404 4100) or one forbidden transition (409 4111) changes nothing", async () => {
    const good = pick("COMPLETED");
    const unknown = "00000000-0000-4000-8000-000000000001";
    const r404 = await platform("PUT", "/end-clients/status", { endClientIds: [good, unknown], status: "ACCEPTED" });
    expect(r404.status).toBe(404);
    expect(await r404.json()).toMatchObject({ code: 4100, details: { endClientIds: [unknown] } });
    const notStarted = pick("NOT_STARTED");
    const r409 = await platform("PUT", "/end-clients/status", { endClientIds: [good, notStarted], status: "REJECTED" });
    expect(r409.status).toBe(409);
    expect(await r409.json()).toMatchObject({ code: 4111, details: { endClientIds: [notStarted] } });
    expect((await client(good)).status).toBe("COMPLETED");
    const abandoned = await platform("PUT", "/end-clients/status", { endClientIds: [pick("ABANDONED")], status: "ACCEPTED" });
    expect(abandoned.status).toBe(409);
    const toCompleted = await platform("PUT", "/end-clients/status", { endClientIds: [pick("ACCEPTED")], status: "COMPLETED" });
    expect(await toCompleted.json()).toMatchObject({ code: 4111 });
    await new Promise((r) => setTimeout(r, 100));
    expect(hook.events()).toHaveLength(0);
  });

  it("follows the transition table, accepts DECLINED, and treats same-status ids as no-ops", async () => {
    const inProgress = pick("IN_PROGRESS");
    expect((await platform("PUT", "/end-clients/status", { endClientIds: [inProgress], status: "ABANDONED" })).status).toBe(200);
    expect((await platform("PUT", "/end-clients/status", { endClientIds: [pick("IN_PROGRESS", 1)], status: "ACCEPTED" })).status).toBe(409);
    const accepted = pick("ACCEPTED");
    const before = await client(accepted);
    expect((await platform("PUT", "/end-clients/status", { endClientIds: [accepted], status: "ACCEPTED" })).status).toBe(200);
    expect((await client(accepted)).lastModified).toBe(before.lastModified);
    expect((await platform("PUT", "/end-clients/status", { endClientIds: [accepted], status: "declined" })).status).toBe(200);
    expect((await client(accepted)).status).toBe("REJECTED");
    await waitFor(() => hook.events().length >= 2);
    expect(hook.events().map((e) => (e.json.event as { type: string }).type).sort()).toEqual(["MANUALLY_ABANDONED", "MANUALLY_REJECTED"]);
  });

  it("validates the body: ≤100 ids, known status, JSON", async () => {
    const ids = Array.from({ length: 101 }, () => pick("ACCEPTED"));
    for (const body of [{ endClientIds: ids, status: "ACCEPTED" }, { endClientIds: [], status: "ACCEPTED" }, { endClientIds: [pick("ACCEPTED")], status: "MAYBE" }, { status: "ACCEPTED" }, [1, 2]]) {
      const res = await platform("PUT", "/end-clients/status", body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 400 });
    }
    const broken = await fetch(`${h.env.TRULIOO_PLATFORM_URL}/end-clients/status`, { method: "PUT", headers: { ...auth, "content-type": "application/json" }, body: "{not json" });
    expect(broken.status).toBe(400);
    expect((await platform("PUT", "/end-clients/status", undefined)).status).toBe(400);
    const noAuth = await fetch(`${h.env.TRULIOO_PLATFORM_URL}/end-clients/status`, { method: "PUT", body: "{}" });
    expect(noAuth.status).toBe(401);
  });

  it("creates and deletes links on both clients (P2/P3) with 4105/4106", async () => {
    const [a, b] = [pick("ACCEPTED", 0), pick("ACCEPTED", 1)];
    const before = await client(b);
    const created = await platform("POST", "/end-clients", { from: a, to: b, type: "RELATES_TO" });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ message: "Link created", code: 0 });
    const link = { from: a, to: b, type: "RELATES_TO" };
    expect((await client(a)).links).toContainEqual(link);
    expect((await client(b)).links).toContainEqual(link);
    expect((await client(b)).lastModified).toBeGreaterThan(before.lastModified);
    const dup = await platform("POST", "/end-clients", { from: b, to: a, type: "OWNS" });
    expect(dup.status).toBe(400);
    expect(await dup.json()).toMatchObject({ code: 4105 });
    for (const bad of [{ from: a, to: a, type: "OWNS" }, { from: a, type: "OWNS" }, { from: a, to: b, type: "FRIEND_OF" }]) {
      expect(await (await platform("POST", "/end-clients", bad)).json()).toMatchObject({ code: 4105 });
    }
    const unknown = await platform("POST", "/end-clients", { from: a, to: "00000000-0000-4000-8000-000000000002", type: "OWNS" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 4100 });
    const del = await platform("DELETE", "/end-clients", { from: b, to: a });
    expect(del.status).toBe(200);
    expect(await del.json()).toEqual({ message: "Link deleted", code: 0 });
    expect((await client(a)).links).not.toContainEqual(link);
    const again = await platform("DELETE", "/end-clients", { from: a, to: b });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 4106 });
    expect(await (await platform("DELETE", "/end-clients", { from: a })).json()).toMatchObject({ code: 4106 });
  });

  it("issues signed URLs (P4) whose hosted page works until it expires (410)", async () => {
    const wfs = (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/workflows`, { headers: auth })).json()) as { data: Array<{ id: string; published: boolean }> };
    const flowId = wfs.data[0]?.id ?? "";
    const res = await platform("GET", `/signed-url/${flowId}?endClientId=${pick("ACCEPTED")}`);
    expect(res.status).toBe(200);
    const { url, expiresAt } = (await res.json()) as { url: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect((await fetch(url.replace(/sig=[0-9a-f]+/, "sig=00"))).status).toBe(403);
    await h.control("/clock", { advanceSeconds: 86_401 });
    expect((await fetch(url)).status).toBe(410);
    await h.control("/clock", { reset: true });
    expect(await (await platform("GET", "/signed-url/ffffffffffffffffffffffff")).json()).toMatchObject({ code: 4000 });
    expect(await (await platform("GET", `/signed-url/${flowId}?endClientId=00000000-0000-4000-8000-000000000003`)).json()).toMatchObject({ code: 4100 });
    const anonymous = (await (await platform("GET", `/signed-url/${flowId}`)).json()) as { url: string };
    expect(anonymous.url).not.toContain("endClientId");
  });
});

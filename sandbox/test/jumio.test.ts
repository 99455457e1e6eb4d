import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot, UA, type Harness } from "./helpers";

interface ListItem {
  id: string;
  status: string;
  createdAt: string;
  account: { id: string };
  customerInternalReference: string;
  decision: { type: string; risk: { score: number } };
}
interface TxRecord {
  workflow: { id: string; status: string; customerInternalReference: string };
  account: { id: string };
  createdAt: string;
  wipedOutAt?: string;
  credentials: Array<{ id: string; category: string; clientIp?: string; parts: Array<{ classifier: string; href?: string }> }>;
  decision: { type: string; details: { label: string }; risk: { score: number } };
  capabilities: Record<string, Array<{ decision: { type: string }; data: Record<string, unknown> }>>;
  feedback?: { status: string; reason?: string };
  steps: { href: string };
}

describe("Jumio Retrieval API", () => {
  let h: Harness;
  let headers: Record<string, string>;
  const R = () => `${h.env.JUMIO_RETRIEVAL_URL}/api/v1`;
  const get = async <T>(path: string, hdrs = headers) => {
    const res = await fetch(path.startsWith("http") ? path : `${R()}${path}`, { headers: hdrs });
    const type = res.headers.get("content-type") ?? "";
    return { status: res.status, type, body: (type.includes("json") ? await res.json() : Buffer.from(await res.arrayBuffer())) as T };
  };
  const list = async (q = "") => (await get<{ workflowExecutions: ListItem[] }>(`/workflow-executions${q}`)).body.workflowExecutions;
  const processed = async (): Promise<ListItem[]> => (await list("?size=100")).filter((x) => x.status === "PROCESSED" && x.decision.type !== "NOT_EXECUTED");
  const path = (x: ListItem) => `/accounts/${x.account.id}/workflow-executions/${x.id}`;

  beforeAll(async () => {
    h = await boot({ profiles: 120 });
    headers = { authorization: `Bearer ${await h.jumioToken()}`, ...UA, accept: "application/json" };
  });
  afterAll(() => h.close());

  it("issues tokens with HTTP Basic; rejects bad credentials, missing User-Agent and bad tokens", async () => {
    const url = `${h.env.JUMIO_AUTH_URL}/oauth2/token`;
    const bad = await fetch(url, { method: "POST", headers: { authorization: `Basic ${Buffer.from("x:y").toString("base64")}`, ...UA }, body: "grant_type=client_credentials" });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: "invalid_client" });
    const basic = `Basic ${Buffer.from("sandbox-jumio-id:sandbox-jumio-secret").toString("base64")}`;
    const ok = await fetch(url, { method: "POST", headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded", ...UA }, body: "grant_type=client_credentials" });
    expect(await ok.json()).toMatchObject({ expires_in: 3600, token_type: "Bearer", access_token: expect.any(String) });
    expect((await get("/workflow-executions", { authorization: headers.authorization ?? "" })).status).toBe(403);
    expect((await get("/workflow-executions", { authorization: headers.authorization ?? "", "user-agent": "node" })).status).toBe(403);
    expect(await get("/workflow-executions", { ...UA })).toMatchObject({ status: 401, body: { message: expect.any(String) } });
    await h.control("/clock", { advanceSeconds: 3601 });
    expect((await get("/workflow-executions")).status).toBe(401);
    await h.control("/clock", { reset: true });
  });

  it("pages 1-based, newest first, clamping size to 1..100", async () => {
    const first = await list();
    expect(first).toHaveLength(50);
    for (let i = 1; i < first.length; i++) expect(Date.parse(first[i]?.createdAt ?? "")).toBeLessThan(Date.parse(first[i - 1]?.createdAt ?? ""));
    expect(await list("?size=500")).toHaveLength(100);
    expect(await list("?size=0")).toHaveLength(1);
    expect((await list("?page=0&size=5"))[0]?.id).toBe(first[0]?.id);
    const p2 = await list("?page=2&size=5");
    expect(p2[0]?.id).toBe(first[5]?.id);
    const total = h.sb.state.data.jumioExecutions;
    const lastPage = await list(`?page=${Math.ceil(total / 100)}&size=100`);
    expect(lastPage.length).toBe(total % 100 || 100);
    expect(await list(`?page=${Math.ceil(total / 100) + 1}&size=100`)).toHaveLength(0);
  });

  it("returns the record, status, steps, rules and real images", async () => {
    const x = (await processed())[0] as ListItem;
    const rec = (await get<TxRecord>(path(x))).body;
    expect(rec.workflow.id).toBe(x.id);
    expect(rec.decision.type).toBe(x.decision.type);
    expect(Object.keys(rec.capabilities).length).toBeGreaterThan(0);
    expect((await get(`${path(x)}/status`)).body).toMatchObject({ account: { id: x.account.id, href: expect.any(String) }, workflowExecution: { id: x.id, status: "PROCESSED" } });
    expect(((await get<{ steps: unknown[] }>(`${path(x)}/steps`)).body.steps.length)).toBeGreaterThan(0);
    expect(((await get<{ executions: unknown[] }>(`${path(x)}/rules`)).body.executions.length)).toBeGreaterThan(0);
    const parts = rec.credentials.flatMap((c) => c.parts);
    for (const p of parts.filter((p) => p.href)) {
      const img = await get<Buffer>(p.href ?? "", { ...headers, accept: "*/*" });
      expect(img.status).toBe(200);
      expect(["image/png", "image/jpeg"]).toContain(img.type);
      expect(img.body.toString("hex").startsWith(img.type === "image/png" ? "89504e47" : "ffd8ff")).toBe(true);
    }
    expect(parts.some((p) => p.classifier === "FACEMAP" && !p.href)).toBe(true);
    const facemap = rec.credentials.find((c) => c.category === "FACEMAP");
    expect((await get(`/accounts/${x.account.id}/credentials/${facemap?.id}/parts/FACEMAP`)).status).toBe(404);
    expect((await get(`/accounts/${x.account.id}/workflow-executions/not-a-uuid`)).status).toBe(404);
    expect((await get(`/accounts/${x.account.id}/workflow-executions/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const pending = (await list("?size=100")).find((i) => i.status !== "PROCESSED");
    if (pending) expect((await get<TxRecord>(path(pending))).body).toMatchObject({ capabilities: {}, decision: { type: "NOT_EXECUTED", details: { label: pending.status } } });
  });

  it("serves the transaction PDF through an expiring presigned URL", async () => {
    const x = (await processed())[1] as ListItem;
    const { presignedUrl } = (await get<{ presignedUrl: string }>(`${path(x)}/pdf`)).body;
    const pdf = await fetch(presignedUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    await h.control("/clock", { advanceSeconds: 901 });
    const expired = await fetch(presignedUrl);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("AccessDenied");
    await h.control("/clock", { reset: true });
  });

  it("wipes PII on DELETE execution (repeatable) and on DELETE account (every execution)", async () => {
    const x = (await processed())[2] as ListItem;
    const before = (await get<TxRecord>(path(x))).body;
    const face = before.credentials.flatMap((c) => c.parts).find((p) => p.href);
    expect((await fetch(`${R()}${path(x)}`, { method: "DELETE", headers })).status).toBe(200);
    const again = await fetch(`${R()}${path(x)}`, { method: "DELETE", headers });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({});
    const after = (await get<TxRecord>(path(x))).body;
    expect(after.wipedOutAt).toMatch(/Z$/);
    expect(after.credentials.every((c) => c.parts.length === 0 && c.clientIp === undefined)).toBe(true);
    expect(Object.values(after.capabilities).flat().every((c) => Object.keys(c.data).length === 0)).toBe(true);
    expect(after.decision).toEqual(before.decision);
    expect(after.workflow).toEqual(before.workflow);
    expect((await get(face?.href ?? "")).status).toBe(404);
    expect((await get(`${path(x)}/pdf`)).status).toBe(404);
    const steps = (await get<{ steps: Array<Record<string, unknown>> }>(`${path(x)}/steps`)).body.steps;
    expect(steps.every((s) => Object.keys(s).sort().join() === "decision,id,name")).toBe(true);

    const all = await list("?size=100");
    const account = all.find((i) => all.filter((j) => j.account.id === i.account.id).length > 1)?.account.id ?? "";
    expect((await fetch(`${R()}/accounts/${account}`, { method: "DELETE", headers })).status).toBe(200);
    const mine = (await list("?size=100")).filter((i) => i.account.id === account);
    for (const m of mine) expect((await get<TxRecord>(path(m))).body.wipedOutAt).toBeDefined();
    expect((await fetch(`${R()}/accounts/00000000-0000-4000-8000-000000000000`, { method: "DELETE", headers })).status).toBe(404);
  });

  it("validates fraud feedback and shows the last write in the record", async () => {
    const x = (await processed())[3] as ListItem;
    const put = (body: unknown) => fetch(`${R()}${path(x)}/feedback`, { method: "PUT", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) });
    for (const bad of [{}, { status: "MAYBE" }, { status: "FRAUD" }, { status: "NOT_FRAUD", reason: "BORED" }]) {
      const res = await put(bad);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ message: expect.any(String) });
    }
    expect((await put({ status: "FRAUD", reason: "IDENTITY_FRAUD" })).status).toBe(200);
    expect((await put({ status: "NOT_FRAUD" })).status).toBe(200);
    expect((await get<TxRecord>(path(x))).body.feedback).toEqual({ status: "NOT_FRAUD" });
    const broken = await fetch(`${R()}${path(x)}/feedback`, { method: "PUT", headers, body: "{oops" });
    expect(broken.status).toBe(400);
  });

  it("links about 60% of executions to Trulioo clients", async () => {
    const items = [...(await list("?size=100")), ...(await list("?size=100&page=2"))];
    const known = items.filter((i) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(i.customerInternalReference));
    expect(known.length / items.length).toBeGreaterThan(0.4);
    expect(known.length / items.length).toBeLessThan(0.8);
    const auth = { authorization: `Bearer ${await h.truliooToken()}` };
    const client = await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/client/${known[0]?.customerInternalReference}`, { headers: auth });
    expect(client.status).toBe(200);
  });
});

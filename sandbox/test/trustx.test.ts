import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot, type Harness } from "./helpers";

interface Instance {
  id: string;
  processDefnId: string;
  processDefnName: string;
  firstName: string;
  lastName: string;
  createdAt: string;
  status: string;
  statusMapped: string;
  elapsedMilliseconds: number;
}
interface SpringPage {
  content: Instance[];
  number: number;
  size: number;
  totalElements: number;
  totalPages: number;
  numberOfElements: number;
  first: boolean;
  last: boolean;
}

describe("Daon TrustX", () => {
  let h: Harness;
  let auth: Record<string, string>;
  const B = () => h.env.TRUSTX_BASE_URL;
  const get = async <T>(path: string, headers = auth) => {
    const res = await fetch(`${B()}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as T };
  };
  const post = async <T>(path: string, body: unknown) => {
    const res = await fetch(`${B()}${path}`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    h = await boot({ profiles: 150, trustxActivityMs: 50 });
    auth = { authorization: `Bearer ${await h.trustxToken()}` };
  });
  afterAll(() => h.close());

  it("exchanges the API key for a token; bad key and missing token are 401 Spring errors", async () => {
    const res = await fetch(`${B()}/api/arthr/apiKeys/issue`, { method: "POST", headers: { "x-api-key": "sandbox-trustx-api-key" }, body: "{}" });
    expect(await res.json()).toMatchObject({ token: expect.any(String), ttl: 3600 });
    const bad = await fetch(`${B()}/api/arthr/apiKeys/issue`, { method: "POST", headers: { "x-api-key": "nope" }, body: "{}" });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ status: 401, error: "Unauthorized", message: expect.any(String), path: "/trustx/api/arthr/apiKeys/issue", timestamp: expect.any(String) });
    expect((await get("/api/process-manager/processInstances", {})).status).toBe(401);
  });

  it("lists instances as Spring pages, newest first by default, size clamped", async () => {
    const page = (await get<SpringPage>("/api/process-manager/processInstances")).body;
    expect(page).toMatchObject({ number: 0, size: 20, totalElements: 150, totalPages: 8, numberOfElements: 20, first: true, last: false });
    const times = page.content.map((c) => Date.parse(c.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page.content[0]?.id).toMatch(/^[A-Z2-7]{26}$/);
    expect((await get<SpringPage>("/api/process-manager/processInstances?size=1000")).body.size).toBe(100);
    expect((await get<SpringPage>("/api/process-manager/processInstances?size=0")).body.numberOfElements).toBe(1);
    const asc = (await get<SpringPage>("/api/process-manager/processInstances?sort=createdAt,asc&size=5")).body.content;
    expect(Date.parse(asc[0]?.createdAt ?? "")).toBeLessThan(Date.parse(asc[4]?.createdAt ?? ""));
    const last = (await get<SpringPage>("/api/process-manager/processInstances?page=7")).body;
    expect(last).toMatchObject({ last: true, numberOfElements: 10 });
    const statuses = new Set<string>();
    for (let p = 0; p < 2; p++) for (const c of (await get<SpringPage>(`/api/process-manager/processInstances?size=100&page=${p}`)).body.content) statuses.add(`${c.status}:${c.statusMapped}`);
    expect(statuses).toContain("COMPLETED_ENDED_ERROR:Declined");
    expect(statuses).toContain("COMPLETED_TERMINATED:Abandoned");
  });

  it("searches by text, dates, definition and status", async () => {
    const all = (await get<SpringPage>("/api/process-manager/processInstances?size=100")).body.content;
    const someone = all[7] as Instance;
    const byName = (await get<SpringPage>(`/api/process-manager/processInstances/search?searchString=${encodeURIComponent(someone.lastName.toUpperCase())}&size=100`)).body;
    expect(byName.content.map((c) => c.id)).toContain(someone.id);
    const byId = (await get<SpringPage>(`/api/process-manager/processInstances/search?searchString=${someone.id.slice(3, 12).toLowerCase()}`)).body;
    expect(byId.content.map((c) => c.id)).toContain(someone.id);
    const start = all[20]?.createdAt ?? "";
    const end = all[10]?.createdAt ?? "";
    const window = (await get<SpringPage>(`/api/process-manager/processInstances/search?startDateTime=${start}&endDateTime=${end}&size=100`)).body;
    expect(window.content.map((c) => c.id)).toEqual(all.slice(11, 21).map((c) => c.id));
    const status = (await get<SpringPage>("/api/process-manager/processInstances/search?processInstanceStatus=REVIEW,PENDING&size=100")).body;
    expect(status.totalElements).toBeGreaterThan(0);
    expect(status.content.every((c) => c.status === "REVIEW" || c.status === "PENDING")).toBe(true);
    const def = (await get<SpringPage>("/api/process-manager/processInstances/search?processDefinitionName=Age%20Verification&size=100")).body;
    expect(def.content.every((c) => c.processDefnName === "Age Verification")).toBe(true);
    expect((await get("/api/process-manager/processInstances/search?startDateTime=yesterday")).status).toBe(400);
  });

  it("finds instances by the token's referenceID (a Trulioo client id) and returns parameters (X4)", async () => {
    const all = (await get<SpringPage>("/api/process-manager/processInstances?size=100")).body.content;
    let found = 0;
    for (const inst of all.slice(0, 30)) {
      const x4 = (await get<{ processTokenId: string; processTokenParameters: { referenceID: string } }>(`/api/process-manager/processInstances/${inst.id}/withParameters`)).body;
      const ref = x4.processTokenParameters.referenceID;
      if (!/^[0-9a-f]{8}-/.test(ref)) continue;
      found++;
      const hit = (await get<SpringPage>(`/api/process-manager/processInstances/search?searchString=${ref}`)).body;
      expect(hit.content.map((c) => c.id)).toContain(inst.id);
    }
    expect(found).toBeGreaterThan(3);
  });

  it("creates tokens (X1) with validation and runs the lifecycle PENDING → ACTIVE → final with user data (X2, X7)", async () => {
    for (const bad of [{ name: "x", status: "ACTIVE" }, { name: "x", status: "ACTIVE", processDefnName: "Nope" }, { name: "x", status: "ACTIVE", processDefnName: "KYC Onboarding", type: "MULTI_USE_COUNT_LIMITED" }, { name: "y".repeat(51), status: "ACTIVE", processDefnName: "KYC Onboarding" }]) {
      const res = await post<{ status: number }>("/api/process-manager/processTokens", bad);
      expect(res.status).toBe(400);
      expect(res.body.status).toBe(400);
    }
    const token = await post<{ id: string; counter: number; createdBy: string; maxProcessDuration: string }>("/api/process-manager/processTokens", {
      name: "Re-verification", processDefnName: "KYC Onboarding", status: "ACTIVE", type: "MULTI_USE_COUNT_LIMITED", maxCount: 1,
      parameters: { firstName: "Łukasz", lastName: "Wójcik", email: "lukasz@example.com", referenceID: "ref-123" },
    });
    expect(token.status).toBe(201);
    expect(token.body).toMatchObject({ counter: 0, maxProcessDuration: "PT48H", createdBy: expect.stringMatching(/^API Key: /) });
    const created = await post<{ redirectUrl: string; processInstanceId: string }>(`/api/process-manager/processInstances/create?pt=${token.body.id}`, {});
    expect(created.status).toBe(200);
    const id = created.body.processInstanceId;
    const ps = new URL(created.body.redirectUrl).searchParams.get("ps") ?? "";
    expect(ps).toBe(`${B()}/api/process-server/startProcess?pi=${id}`);
    expect((await post(`/api/process-manager/processInstances/create?pt=${token.body.id}`, {})).status).toBe(400);
    expect((await post("/api/process-manager/processInstances/create?pt=AAAAAAAAAAAAAAAAAAAAAAAAAA", {})).status).toBe(404);
    const pending = (await get<Instance>(`/api/process-manager/processInstances/${id}`)).body;
    expect(pending).toMatchObject({ status: "PENDING", statusMapped: "Pending", firstName: "Łukasz", lastName: "Wójcik" });
    const defnId = pending.processDefnId;
    expect((await get(`/api/userdata-server/processDefinitions/${defnId}/processInstances/${id}/userdata`)).status).toBe(404);
    const page = await fetch(ps);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Łukasz");
    expect((await get<Instance>(`/api/process-manager/processInstances/${id}`)).body.status).toBe("ACTIVE");
    let status = "ACTIVE";
    for (let i = 0; i < 100 && status === "ACTIVE"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = (await get<Instance>(`/api/process-manager/processInstances/${id}`)).body.status;
    }
    expect(status).toMatch(/^(REVIEW|COMPLETED_)/);
    await h.control(`/trustx/instances/${id}/status`, { status: "COMPLETED_ENDED_SUCCESS" });
    const ud = await get<{ documents: Record<string, { documentType: string; countryCode: string; biographicData: Array<{ fieldName: string }> }> }>(`/api/userdata-server/processDefinitions/${defnId}/processInstances/${id}/userdata`);
    expect(ud.status).toBe(200);
    expect(ud.body.documents.doc1?.biographicData.map((b) => b.fieldName)).toEqual(["Document Number", "First Name", "Last Name", "Date of Birth", "Expiry Date", "Nationality"]);
    const x4 = (await get<{ processTokenParameters: { referenceID: string } }>(`/api/process-manager/processInstances/${id}/withParameters`)).body;
    expect(x4.processTokenParameters.referenceID).toBe("ref-123");
    expect((await get(`/api/process-manager/processInstances/${id}/withParameters`)).status).toBe(200);
    expect((await get("/api/process-manager/processInstances/NOTANID")).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot, type Harness } from "./helpers";

interface Page<T> {
  totalElements: number;
  totalPages: number;
  number: number;
  numberOfElements: number;
  first: boolean;
  last: boolean;
  data: T[];
}
interface Summary {
  id: string;
  status: string;
  lastModified: number;
  created: number;
  profileType: string;
}

describe("Trulioo auth and Export API", () => {
  let h: Harness;
  let auth: Record<string, string>;
  const get = async <T>(path: string, headers = auth): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${h.env.TRULIOO_EXPORT_URL}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    h = await boot({ profiles: 200 });
    auth = { authorization: `Bearer ${await h.truliooToken()}` };
  });
  afterAll(() => h.close());

  it("issues tokens exactly as §1.1 and rejects bad credentials and grants", async () => {
    const url = `${h.env.TRULIOO_AUTH_URL}/connect/token`;
    const post = (body: Record<string, string>) => fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body) });
    const ok = await post({ grant_type: "client_credentials", scope: "workflow.studio.api", client_id: "sandbox-trulioo-id", client_secret: "sandbox-trulioo-secret" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "workflow.studio.api" });
    const bad = await post({ grant_type: "client_credentials", client_id: "sandbox-trulioo-id", client_secret: "nope" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "invalid_client" });
    const grant = await post({ grant_type: "password", client_id: "sandbox-trulioo-id", client_secret: "sandbox-trulioo-secret" });
    expect(await grant.json()).toEqual({ error: "unsupported_grant_type" });
  });

  it("answers 401 4011 without or with a bad token and 401 4012 for an expired one", async () => {
    expect(await get("/v2/query/clients", {})).toMatchObject({ status: 401, body: { code: 4011 } });
    expect(await get("/v2/query/clients", { authorization: "Bearer nope" })).toMatchObject({ status: 401, body: { code: 4011 } });
    const short = await boot({ profiles: 5, tokenTtlSeconds: 1 });
    const token = await short.truliooToken();
    const again = await short.truliooToken();
    const q = (t: string) => fetch(`${short.env.TRULIOO_EXPORT_URL}/v2/query/clients`, { headers: { authorization: `Bearer ${t}` } });
    expect((await q(token)).status).toBe(200);
    expect((await q(again)).status).toBe(200); // a new token does not revoke the old one
    await short.control("/clock", { advanceSeconds: 2 });
    const expired = await q(token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: 4012 });
    await short.close();
  });

  it("lists workflows (E1) with the paging envelope", async () => {
    const { body } = await get<Page<{ id: string; name: string; corporate: boolean; published: boolean; created: number }>>("/v2/query/workflows?limit=2&page=1");
    expect(body).toMatchObject({ totalElements: 5, totalPages: 3, number: 1, numberOfElements: 2, first: false, last: false });
    expect(body.data[0]?.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it("pages clients 0-based, clamps limit to 20 when invalid, and ends with last=true", async () => {
    const first = await get<Page<Summary>>("/v2/query/clients");
    expect(first.body).toMatchObject({ totalElements: 200, totalPages: 10, number: 0, numberOfElements: 20, first: true, last: false });
    for (const limit of ["0", "51", "abc", "-3"]) expect((await get<Page<Summary>>(`/v2/query/clients?limit=${limit}`)).body.numberOfElements).toBe(20);
    expect((await get<Page<Summary>>("/v2/query/clients?page=abc")).body.number).toBe(0);
    const fifty = await get<Page<Summary>>("/v2/query/clients?limit=50&page=3");
    expect(fifty.body).toMatchObject({ numberOfElements: 50, last: true, totalPages: 4 });
    const past = await get<Page<Summary>>("/v2/query/clients?limit=50&page=9");
    expect(past.body).toMatchObject({ numberOfElements: 0, last: true, data: [] });
  });

  it("orders by lastModified then id, and pages without gaps or duplicates", async () => {
    const seen: Summary[] = [];
    for (let page = 0; ; page++) {
      const { body } = await get<Page<Summary>>(`/v2/query/clients?limit=37&page=${page}`);
      seen.push(...body.data);
      if (body.last) break;
    }
    expect(seen).toHaveLength(200);
    expect(new Set(seen.map((s) => s.id)).size).toBe(200);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.lastModified ?? 0).toBeGreaterThan(seen[i - 1]?.lastModified ?? 0);
    expect(seen.every((s) => s.lastModified > 1e12 && s.created <= s.lastModified)).toBe(true);
  });

  it("filters on before/after exclusively, in seconds or ms", async () => {
    const all = (await get<Page<Summary>>("/v2/query/clients?limit=50")).body.data;
    const pivot = all[10]?.lastModified ?? 0;
    const afterMs = (await get<Page<Summary>>(`/v2/query/clients?limit=50&after=${pivot}`)).body;
    expect(afterMs.totalElements).toBe(189);
    expect(afterMs.data[0]?.lastModified).toBe(all[11]?.lastModified);
    const beforeMs = (await get<Page<Summary>>(`/v2/query/clients?limit=50&before=${pivot}`)).body;
    expect(beforeMs.totalElements).toBe(10);
    const secs = Math.floor(pivot / 1000);
    const afterS = (await get<Page<Summary>>(`/v2/query/clients?limit=50&after=${secs}`)).body;
    expect(afterS.data[0]?.lastModified).toBe(pivot); // seconds read as ms*1000: never fewer rows
    const both = (await get<Page<Summary>>(`/v2/query/clients?after=${all[0]?.lastModified}&before=${all[5]?.lastModified}`)).body;
    expect(both.data.map((d) => d.id)).toEqual(all.slice(1, 5).map((d) => d.id));
    expect((await get("/v2/query/clients?after=yesterday")).status).toBe(400);
  });

  it("filters statuses case-insensitively with DECLINED as REJECTED, and by flowId", async () => {
    const rejected = (await get<Page<Summary>>("/v2/query/clients?limit=50&statuses=rejected")).body;
    expect(rejected.totalElements).toBeGreaterThan(0);
    expect(rejected.data.every((d) => d.status === "REJECTED")).toBe(true);
    expect((await get<Page<Summary>>("/v2/query/clients?statuses=DECLINED")).body.totalElements).toBe(rejected.totalElements);
    const two = (await get<Page<Summary>>("/v2/query/clients?statuses=ACCEPTED,PENDING_REVIEW")).body;
    const acc = (await get<Page<Summary>>("/v2/query/clients?statuses=ACCEPTED")).body.totalElements;
    const pr = (await get<Page<Summary>>("/v2/query/clients?statuses=PENDING_REVIEW")).body.totalElements;
    expect(two.totalElements).toBe(acc + pr);
    expect((await get<Page<Summary>>("/v2/query/clients?statuses=BOGUS")).body.totalElements).toBe(0);
    const wfs = (await get<Page<{ id: string; corporate: boolean }>>("/v2/query/workflows")).body.data;
    const kyb = wfs.find((w) => w.corporate)?.id;
    const corp = (await get<Page<Summary>>(`/v2/query/clients?limit=50&flowId=${kyb}`)).body;
    expect(corp.totalElements).toBeGreaterThan(0);
    expect(corp.data.every((d) => d.profileType === "BUSINESS")).toBe(true);
    expect((await get<Page<Summary>>("/v2/query/clients?flowId=ffffffffffffffffffffffff")).body.totalElements).toBe(0);
  });

  it("returns client details (E3) with flowData, and full service details only on request", async () => {
    const list = (await get<Page<Summary>>("/v2/query/clients?limit=50&statuses=ACCEPTED")).body.data;
    const id = list[0]?.id ?? "";
    type Details = { flowData: Record<string, { fieldData: Record<string, { value: unknown; role?: string }>; serviceData: Array<{ fullServiceDetails: Record<string, unknown>; transactionInfo: Record<string, string>; timestamp: number }> }>; notes: unknown[]; tasks: unknown[]; links: unknown[] };
    const plain = (await get<Details>(`/v2/query/client/${id}`)).body;
    const flows = Object.values(plain.flowData);
    expect(flows.length).toBeGreaterThan(0);
    const services = flows.flatMap((f) => f.serviceData);
    expect(services.length).toBeGreaterThan(0);
    expect(services.every((s) => Object.keys(s.fullServiceDetails).length === 0)).toBe(true);
    expect(services[0]?.timestamp).toBeLessThan(1e12);
    expect(Object.keys(services[0]?.transactionInfo ?? {}).sort()).toEqual(["accountIdentifier", "accountName", "countryCode", "date", "shareableToken", "transactionId", "transactionRecordId", "userName"]);
    const fields = flows.flatMap((f) => Object.values(f.fieldData));
    expect(fields.every((f) => Array.isArray(f.value))).toBe(true);
    expect(fields.some((f) => f.role === "first_name")).toBe(true);
    expect(Array.isArray(plain.notes) && Array.isArray(plain.tasks) && Array.isArray(plain.links)).toBe(true);
    const full = (await get<Details>(`/v2/query/client/${id}?includeFullServiceDetails=true`)).body;
    const match = Object.values(full.flowData).flatMap((f) => f.serviceData).find((s) => "Record" in s.fullServiceDetails);
    expect(match?.fullServiceDetails).toMatchObject({ ProductName: "Identity Verification", Record: { RecordStatus: expect.stringMatching(/match/) } });
    expect(await get("/v2/query/client/00000000-0000-4000-8000-000000000000")).toMatchObject({ status: 404, body: { code: 4100 } });
    expect((await get("/v2/query/client/not-a-uuid")).status).toBe(404);
  });

  it("serves real file bytes (E4) with content type and disposition", async () => {
    const kinds = new Map<string, string>();
    for (let page = 0; page < 4 && kinds.size < 3; page++) {
      for (const s of (await get<Page<Summary>>(`/v2/query/clients?limit=50&page=${page}`)).body.data) {
        const d = (await get<{ flowData: Record<string, { enhancedFileData: Record<string, string[]> }> }>(`/v2/query/client/${s.id}`)).body;
        for (const keys of Object.values(d.flowData).flatMap((f) => Object.values(f.enhancedFileData))) {
          for (const key of keys) {
            const res = await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/file?key=${encodeURIComponent(key)}`, { headers: auth });
            expect(res.status).toBe(200);
            const type = res.headers.get("content-type") ?? "";
            expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="/);
            const bytes = Buffer.from(await res.arrayBuffer());
            const magic = type === "image/png" ? "89504e47" : type === "image/jpeg" ? "ffd8ff" : "255044462d";
            expect(bytes.toString("hex").startsWith(magic)).toBe(true);
            kinds.set(type, key);
          }
        }
      }
    }
    expect([...kinds.keys()].sort()).toEqual(["application/pdf", "image/jpeg", "image/png"]);
    const pdf = await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/file?key=${encodeURIComponent(kinds.get("application/pdf") ?? "")}`, { headers: auth });
    expect(Buffer.from(await pdf.arrayBuffer()).toString("latin1")).toContain("Account holder:");
    expect(await get("/v2/query/file")).toMatchObject({ status: 400 });
    expect(await get(`/v2/query/file?key=${encodeURIComponent("AQAAAAAAAAAAAAAAAAAAAA==")}`)).toMatchObject({ status: 404, body: { code: 404 } });
  });

  it("keeps the seeded data live: /test lists only test-mode profiles", async () => {
    const test = (await get<Page<Summary>>("/test/v2/query/clients")).body;
    expect(test.totalElements).toBe(0);
    const live = (await get<Page<Summary>>("/v2/query/clients")).body.data[0]?.id;
    expect((await get(`/test/v2/query/client/${live}`)).status).toBe(404);
    expect((await get<Page<unknown>>("/test/v2/query/workflows")).body.totalElements).toBe(5);
  });
});

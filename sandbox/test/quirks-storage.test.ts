import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Quirks } from "../quirks/pick";
import { offsetIso } from "../quirks/jumio";
import { quirkySummary } from "../quirks/trulioo";
import { quirkyInstance } from "../quirks/trustx";
import { boot, UA, type Harness } from "./helpers";

type J = Record<string, unknown>;

async function bytes(res: Response): Promise<{ status: number; type: string | null; disposition: string | null; body: Buffer }> {
  return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), body: Buffer.from(await res.arrayBuffer()) };
}

describe("quirks mode: storage redirects", () => {
  let normal: Harness;
  let quirky: Harness;
  const auth = { tr: {} as Record<string, string>, jm: {} as Record<string, string>, trN: {} as Record<string, string>, jmN: {} as Record<string, string> };

  beforeAll(async () => {
    [normal, quirky] = await Promise.all([boot({ profiles: 30 }), boot({ profiles: 30, quirks: true })]);
    auth.tr = { authorization: `Bearer ${await quirky.truliooToken()}` };
    auth.jm = { authorization: `Bearer ${await quirky.jumioToken()}`, ...UA };
    auth.trN = { authorization: `Bearer ${await normal.truliooToken()}` };
    auth.jmN = { authorization: `Bearer ${await normal.jumioToken()}`, ...UA };
  });
  afterAll(async () => {
    await Promise.all([normal.close(), quirky.close()]);
  });

  async function fileKeys(): Promise<string[]> {
    const keys: string[] = [];
    for (let i = 0; i < 30; i++) {
      const id = ((await (await quirky.control(`/trulioo/clients/by-index/${i}`)).json()) as { id: string }).id;
      const c = (await (await fetch(`${quirky.env.TRULIOO_EXPORT_URL}/v2/query/client/${id}`, { headers: auth.tr })).json()) as { flowData: Record<string, { enhancedFileData: Record<string, string[]> | null }> };
      for (const f of Object.values(c.flowData)) for (const list of Object.values(f.enhancedFileData ?? {})) keys.push(...list);
    }
    return keys;
  }

  it("E4 answers 302 to a signed storage URL for part of the files; storage serves the same bytes without a bearer and refuses one", async () => {
    const e4 = (base: string, key: string): string => `${base}/v2/query/file?key=${encodeURIComponent(key)}`;
    const answers = await Promise.all((await fileKeys()).map(async (key) => ({ key, res: await fetch(e4(quirky.env.TRULIOO_EXPORT_URL ?? "", key), { headers: auth.tr, redirect: "manual" }) })));
    const moved = answers.filter((a) => a.res.status === 302);
    const direct = answers.filter((a) => a.res.status === 200);
    expect(moved.length).toBeGreaterThan(0);
    expect(direct.length).toBeGreaterThan(0);
    expect(moved.length + direct.length).toBe(answers.length);
    for (const { key, res } of moved.slice(0, 4)) {
      const location = res.headers.get("location") ?? "";
      expect(location).toMatch(new RegExp(`^${quirky.sb.url}/trulioo/storage/files/[0-9a-f]+\\?.*&sig=[0-9a-f]{64}$`));
      const stored = await bytes(await fetch(location));
      const original = await bytes(await fetch(e4(normal.env.TRULIOO_EXPORT_URL ?? "", key), { headers: auth.trN, redirect: "manual" }));
      expect(original.status).toBe(200);
      expect(stored).toEqual(original);
      expect(stored.type).toMatch(/^(image\/(png|jpeg)|application\/pdf)$/);
      expect(stored.disposition).toMatch(/^attachment; filename="/);
      const refused = await fetch(location, { headers: auth.tr });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("<Code>InvalidArgument</Code>");
    }
    // A client that follows the redirect with its Authorization header still on is caught.
    const first = moved[0];
    if (!first) throw new Error("no redirected file");
    expect((await fetch(e4(quirky.env.TRULIOO_EXPORT_URL ?? "", first.key), { headers: auth.tr })).status).toBe(400);
    const location = first.res.headers.get("location") ?? "";
    expect((await fetch(location.replace(/sig=[0-9a-f]/, "sig=x"))).status).toBe(403);
    await quirky.control("/clock", { advanceSeconds: 901 });
    const late = await fetch(location);
    await quirky.control("/clock", { reset: true });
    expect(late.status).toBe(403);
    expect(await late.text()).toContain("Request has expired");
  });

  it("J6 and J7 redirect quirky executions to presigned storage; normal mode never redirects", async () => {
    const R = (h: Harness): string => `${h.env.JUMIO_RETRIEVAL_URL}/api/v1`;
    const list = (await (await fetch(`${R(quirky)}/workflow-executions?size=100`, { headers: auth.jm })).json()) as { workflowExecutions: Array<{ id: string; status: string; account: { id: string } }> };
    let partMoved = 0;
    let partDirect = 0;
    let pdfMoved = 0;
    let pdfDirect = 0;
    for (const x of list.workflowExecutions.filter((e) => e.status === "PROCESSED").slice(0, 16)) {
      const path = `/accounts/${x.account.id}/workflow-executions/${x.id}`;
      const rec = (await (await fetch(`${R(quirky)}${path}`, { headers: auth.jm })).json()) as { credentials: Array<{ parts: Array<{ href: string | null }> }> };
      const href = rec.credentials.flatMap((c) => c.parts).find((p) => p.href)?.href ?? "";
      const res = await fetch(href, { headers: auth.jm, redirect: "manual" });
      const original = await bytes(await fetch(href.replace(quirky.sb.url, normal.sb.url), { headers: auth.jmN, redirect: "manual" }));
      expect(original.status).toBe(200);
      if (res.status === 302) {
        partMoved++;
        const location = res.headers.get("location") ?? "";
        expect(location).toMatch(/\/jumio\/s3\/credential-images\/.+X-Amz-Signature=[0-9a-f]{64}/);
        expect(await bytes(await fetch(location))).toEqual(original);
        expect((await fetch(location, { headers: auth.jm })).status).toBe(400);
      } else {
        partDirect++;
        expect(await bytes(res)).toEqual(original);
      }
      const url = ((await (await fetch(`${R(quirky)}${path}/pdf`, { headers: auth.jm })).json()) as { presignedUrl: string }).presignedUrl;
      const pdf = await fetch(url, { redirect: "manual" });
      if (pdf.status === 302) {
        pdfMoved++;
        const location = pdf.headers.get("location") ?? "";
        expect(location).toContain("/jumio/s3/storage/transaction-pdfs/");
        const stored = await bytes(await fetch(location));
        expect(stored).toMatchObject({ status: 200, type: "application/pdf", disposition: `attachment; filename="jumio-${x.id}.pdf"` });
        expect(stored.body.subarray(0, 5).toString()).toBe("%PDF-");
        expect((await fetch(location, { headers: auth.jm })).status).toBe(400);
      } else {
        pdfDirect++;
        expect(pdf.status).toBe(200);
      }
      // In quirks mode the presigned URL itself is S3 too: one auth mechanism only.
      expect((await fetch(url, { headers: auth.jm, redirect: "manual" })).status).toBe(400);
      const normalUrl = ((await (await fetch(`${R(normal)}${path}/pdf`, { headers: auth.jmN })).json()) as { presignedUrl: string }).presignedUrl;
      expect((await fetch(normalUrl, { headers: auth.jmN, redirect: "manual" })).status).toBe(200);
    }
    expect({ partMoved: partMoved > 0, partDirect: partDirect > 0, pdfMoved: pdfMoved > 0, pdfDirect: pdfDirect > 0 }).toEqual({ partMoved: true, partDirect: true, pdfMoved: true, pdfDirect: true });
  });
});

describe("quirk rules on values the generated data does not hold", () => {
  const q = new Quirks(true, 42);
  const quirkyKey = (kind: string): string => {
    for (let i = 0; ; i++) if (q.pick(kind, `K${i}`)) return `K${i}`;
  };

  it("picks by hash: deterministic, never when off, about half when on", () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `id-${i}`);
    const picked = keys.filter((k) => q.pick("x", k)).length;
    expect(picked / keys.length).toBeGreaterThan(0.45);
    expect(picked / keys.length).toBeLessThan(0.55);
    expect(keys.filter((k) => q.pick("x", k))).toEqual(keys.filter((k) => new Quirks(true, 42).pick("x", k)));
    expect(keys.some((k) => new Quirks(false, 42).pick("x", k))).toBe(false);
  });

  it("drops a .000 fraction and writes +00:00, keeping other fractions unless asked for seconds", () => {
    expect(offsetIso("2026-05-01T10:00:00.000Z")).toBe("2026-05-01T10:00:00+00:00");
    expect(offsetIso("2026-05-01T10:00:00.120Z")).toBe("2026-05-01T10:00:00.120+00:00");
    expect(offsetIso("2026-05-01T10:00:00.120Z", true)).toBe("2026-05-01T10:00:00+00:00");
    expect(offsetIso(false)).toBe(false);
  });

  it("nulls only what is empty: an empty ownerIds, a false flag, an empty TrustX name or a zero elapsed time", () => {
    const id = quirkyKey("trulioo.client");
    expect(quirkySummary(q, { id, ownerIds: [], statusManuallyChanged: false, user: "u" })).toEqual({ id, ownerIds: null, statusManuallyChanged: null, user: "u" });
    expect(quirkySummary(q, { id, ownerIds: ["o"], statusManuallyChanged: true, user: "u" })).toEqual({ id, ownerIds: ["o"], statusManuallyChanged: true, user: "u" });
    const tx = quirkyKey("trustx.instance");
    const body: J = { id: tx, tenantId: "other", processDefnId: "unknown", processDefnVersion: 7, firstName: "", lastName: "Ng", createdAt: "2026-05-01T10:00:00.000Z", elapsedMilliseconds: 0, status: "ACTIVE", statusMapped: "Something else" };
    const out = quirkyInstance(q, 42, body);
    expect(out).toMatchObject({ firstName: null, lastName: "Ng", elapsedMilliseconds: null, tenantId: "other", processDefnVersion: 7, statusMapped: "Something else" });
    expect(out.createdAt).toBeUndefined();
    expect([Date.parse("2026-05-01T10:00:00.000Z"), "2026-05-01T10:00:00.000Z", "2026-05-01T10:00:00.000"]).toContainEqual(out.createdDtm);
  });
});

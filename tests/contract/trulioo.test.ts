// Contract tests, Trulioo: the TruliooClient against the sandbox's Export (E1-E4) and Platform (P1-P4)
// APIs. Every body the client reads must pass its zod schemas with no invalid item, paging must follow
// §0.3, and every documented error must map to the typed error with its §1.5 code and meaning.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderAuthError, ProviderHttpError } from "../../lib/providers/errors";
import type { TruliooClient } from "../../lib/providers/trulioo/client";
import { TruliooApiError } from "../../lib/providers/trulioo/errors";
import type { TClientDetails, TClientSummary } from "../../lib/providers/trulioo/schemas";
import { collect, contractSandbox, hasTrailer, magicOf, mapLimit, MIME_OF, rejectionOf, UNKNOWN_UUID, type TContractSandbox } from "./support";

const PROFILES = 60;
// Record times must be read as epoch ms (contract §0.2): a misread would land in 1970 or far in the future.
const PLAUSIBLE_FROM = Date.parse("2023-01-01T00:00:00Z");
const PLAUSIBLE_TO = Date.parse("2027-01-01T00:00:00Z");

type TRawPage = { totalElements: number; totalPages: number; number: number; numberOfElements: number; first: boolean; last: boolean; data: Array<{ id: string; lastModified: number }> };

async function truliooError(promise: Promise<unknown>): Promise<TruliooApiError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(TruliooApiError);
  return error as TruliooApiError;
}

describe("Trulioo contract: client ↔ sandbox", () => {
  let t: TContractSandbox;
  let client: TruliooClient;
  let token: string;
  /** Every summary, read page by page through listClients (filled by the first test). */
  let summaries: TClientSummary[] = [];
  /** Every client's details without and with fullServiceDetails. */
  const plain = new Map<string, { client: TClientDetails; raw: unknown }>();
  const full = new Map<string, { client: TClientDetails; raw: unknown }>();

  const rawClients = async (query: string) => (await t.raw.get<TRawPage>(`${t.e("TRULIOO_EXPORT_URL")}/v2/query/clients?${query}`, token)).body;

  beforeAll(async () => {
    t = await contractSandbox();
    client = t.trulioo();
    token = await t.raw.truliooToken();
  });
  afterAll(() => t.close());

  describe("contract: every body the client reads passes its schemas", () => {
    it("E2 list pages parse with zero invalid items, page after page to the last", async () => {
      const seen: TClientSummary[] = [];
      for (let page = 0; ; page += 1) {
        const res = await client.listClients({ limit: 50 }, page);
        expect(res.data.invalid).toEqual([]);
        expect(res.number).toBe(page);
        expect(res.first).toBe(page === 0);
        expect(res.numberOfElements).toBe(res.data.valid.length);
        expect(res.totalElements).toBe(PROFILES);
        seen.push(...res.data.valid);
        if (res.last) break;
        expect(page).toBeLessThan(10);
      }
      summaries = seen;
      expect(new Set(seen.map((s) => s.id)).size).toBe(PROFILES);
      for (const s of seen) {
        expect(s.created.getTime()).toBeGreaterThan(PLAUSIBLE_FROM);
        expect(s.lastModified.getTime()).toBeLessThan(PLAUSIBLE_TO);
        expect(s.lastModified.getTime()).toBeGreaterThanOrEqual(s.created.getTime());
        expect(s.user).toBe(s.id);
      }
      // The data set covers every profile status (contract §6.13), so the enum mapping is exercised.
      expect(new Set(seen.map((s) => s.status))).toEqual(new Set(["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "ACCEPTED", "REJECTED", "PENDING_REVIEW", "ABANDONED"]));
    });

    it("E1 workflows parse, and the iterator returns each workflow once", async () => {
      const first = await client.listWorkflows(0, 50);
      const all = await collect(client.workflows());
      expect(all.length).toBe(first.totalElements);
      expect(new Set(all.map((w) => w.id)).size).toBe(all.length);
      for (const w of all) {
        expect(w.id).toMatch(/^[0-9a-f]{24}$/);
        expect(w.created.getTime()).toBeGreaterThan(PLAUSIBLE_FROM);
      }
      expect(all.some((w) => w.published)).toBe(true);
      expect(all.some((w) => !w.published)).toBe(true);
      expect(all.some((w) => w.corporate)).toBe(true);
    });

    it("E3 getClient parses for every client, with and without fullServiceDetails", async () => {
      await mapLimit(summaries, 8, async (s) => {
        plain.set(s.id, await client.getClient(s.id));
        full.set(s.id, await client.getClient(s.id, { fullServiceDetails: true }));
      });
      expect(plain.size).toBe(PROFILES);
      let withDetails = 0;
      for (const s of summaries) {
        const p = plain.get(s.id)!.client;
        const f = full.get(s.id)!.client;
        // The details carry the same summary the list showed.
        expect({ id: p.id, status: p.status, lastModified: p.lastModified, created: p.created }).toEqual({
          id: s.id,
          status: s.status,
          lastModified: s.lastModified,
          created: s.created,
        });
        for (const flow of Object.values(p.flowData)) {
          for (const svc of flow.serviceData) expect(svc.fullServiceDetails ?? {}).toEqual({});
          for (const field of Object.values(flow.fieldData)) expect(Array.isArray(field.value)).toBe(true);
          // fileData holds the first key of each file element (contract §1.2).
          for (const [element, key] of Object.entries(flow.fileData)) expect(flow.enhancedFileData[element]?.[0]).toBe(key);
        }
        // Only fullServiceDetails differs between the two reads.
        const strip = (d: TClientDetails) =>
          Object.values(d.flowData).flatMap((flow) => flow.serviceData.map((svc) => ({ ...svc, fullServiceDetails: null })));
        expect(strip(f)).toEqual(strip(p));
        for (const flow of Object.values(f.flowData)) {
          for (const svc of flow.serviceData) {
            if (svc.fullServiceDetails && Object.keys(svc.fullServiceDetails).length > 0) withDetails += 1;
            if (svc.nodeType === "trulioo_person_match" && svc.serviceStatus === "COMPLETED") {
              expect(svc.fullServiceDetails).toMatchObject({ TransactionID: expect.any(String), Record: { RecordStatus: expect.stringMatching(/^(match|nomatch)$/) } });
            }
          }
        }
      }
      expect(withDetails).toBeGreaterThan(0);
    });

    it("E4 getFile serves every referenced key as real bytes whose magic matches Content-Type and file name", async () => {
      const keys = new Set<string>();
      for (const { client: d } of plain.values()) {
        for (const flow of Object.values(d.flowData)) for (const list of Object.values(flow.enhancedFileData)) list.forEach((k) => keys.add(k));
      }
      expect(keys.size).toBeGreaterThan(10);
      // Base64 keys carry "+", "/" or "=": the client must percent-encode them (contract E4).
      expect([...keys].some((k) => /[+/=]/.test(k))).toBe(true);
      const kinds = new Set<string>();
      await mapLimit([...keys], 8, async (key) => {
        const file = await client.getFile(key);
        const kind = magicOf(file.bytes);
        expect(kind, `file ${key}`).not.toBe("unknown");
        if (kind === "unknown") return;
        kinds.add(kind);
        expect(file.contentType.split(";")[0]).toBe(MIME_OF[kind]);
        expect(hasTrailer(file.bytes, kind)).toBe(true);
        expect(file.filename).toMatch({ png: /\.png$/, jpeg: /\.jpe?g$/, pdf: /\.pdf$/ }[kind]);
      });
      expect(kinds).toEqual(new Set(["png", "jpeg", "pdf"]));
    });

    it("P4 signed URL parses and opens the hosted page until it expires", async () => {
      const flows = await collect(client.workflows());
      const published = flows.find((w) => w.published && !w.corporate) ?? flows.find((w) => w.published)!;
      const member = [...plain.values()].find((d) => d.client.flowData[published.id])!.client;
      const before = Date.now();
      const signed = await client.getSignedUrl(published.id, member.id);
      expect(signed.url).toContain(`/trulioo/hosted/${published.id}`);
      expect(signed.expiresAt).toBeInstanceOf(Date);
      // 24 h by default (contract P4).
      expect(signed.expiresAt!.getTime() - before).toBeGreaterThan(23 * 3600_000);
      expect(signed.expiresAt!.getTime() - before).toBeLessThan(25 * 3600_000);
      const page = await fetch(signed.url);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toContain("text/html");
      const fresh = await client.getSignedUrl(published.id);
      expect(fresh.url).not.toContain("endClientId");
    });
  });

  describe("paging (§0.3): 0-based pages, limit 1..50 else 20", () => {
    it("page 0 is the first page; a page past the end is empty and last", async () => {
      const first = await client.listClients({ limit: 10 }, 0);
      expect(first).toMatchObject({ number: 0, first: true, last: false, totalPages: 6, numberOfElements: 10 });
      const past = await client.listClients({ limit: 10 }, 99);
      expect(past.data.valid).toEqual([]);
      expect(past.data.invalid).toEqual([]);
      expect(past.last).toBe(true);
    });

    it("an out-of-range limit falls back to 20, never a 400", async () => {
      for (const limit of [0, 51, 500]) {
        const res = await client.listClients({ limit }, 0);
        expect(res.numberOfElements, `limit=${limit}`).toBe(20);
        expect(res.totalPages).toBe(Math.ceil(PROFILES / 20));
      }
      expect((await client.listClients({ limit: 50 }, 0)).numberOfElements).toBe(50);
      expect((await client.listClients({ limit: 1 }, 0)).numberOfElements).toBe(1);
    });

    it("the iterator yields each client exactly once, in lastModified order, for any page size", async () => {
      const rawTotal = (await rawClients("limit=1")).totalElements;
      expect(rawTotal).toBe(PROFILES);
      expect((await t.dataSizes()).profiles).toBe(PROFILES);
      const rawIds: string[] = [];
      for (let page = 0; ; page += 1) {
        const body = await rawClients(`limit=50&page=${page}`);
        rawIds.push(...body.data.map((d) => d.id));
        if (body.last) break;
      }
      for (const limit of [7, 20, 50, 500]) {
        const totals: number[] = [];
        const items = await collect(client.clients({ limit }, { onTotal: (n) => totals.push(n), onInvalid: (i) => expect.fail(`invalid item ${String(i.id)}`) }));
        const ids = items.map((c) => c.id);
        expect(ids, `limit=${limit}`).toEqual(rawIds);
        expect(new Set(ids).size).toBe(rawTotal);
        expect(totals.every((n) => n === rawTotal)).toBe(true);
        for (let i = 1; i < items.length; i += 1) expect(items[i]!.lastModified.getTime()).toBeGreaterThanOrEqual(items[i - 1]!.lastModified.getTime());
      }
    });

    it("filters: statuses (DECLINED = REJECTED), flowId, and after/before sent as seconds", async () => {
      const rejected = await collect(client.clients({ statuses: ["DECLINED"] }));
      expect(rejected.length).toBe(summaries.filter((s) => s.status === "REJECTED").length);
      expect(rejected.every((c) => c.status === "REJECTED")).toBe(true);
      const two = await collect(client.clients({ statuses: ["accepted", "pending_review"] }));
      expect(new Set(two.map((c) => c.status))).toEqual(new Set(["ACCEPTED", "PENDING_REVIEW"]));
      expect(await collect(client.clients({ statuses: ["NO_SUCH_STATUS"] }))).toEqual([]);

      const flowId = Object.keys(plain.values().next().value!.client.flowData)[0]!;
      const inFlow = await collect(client.clients({ flowId }));
      expect(inFlow.length).toBe([...plain.values()].filter((d) => d.client.flowData[flowId]).length);

      // Sent as whole seconds, so the window can only widen (contract E2): never a row lost.
      const sorted = [...summaries].sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime());
      const after = sorted[20]!.lastModified;
      const before = sorted[40]!.lastModified;
      const window = await collect(client.clients({ after, before }));
      const ids = new Set(window.map((c) => c.id));
      for (const s of sorted) {
        const ms = s.lastModified.getTime();
        if (ms > after.getTime() && ms < before.getTime()) expect(ids.has(s.id)).toBe(true);
        if (ms < Math.floor(after.getTime() / 1000) * 1000 || ms > Math.ceil(before.getTime() / 1000) * 1000) expect(ids.has(s.id)).toBe(false);
      }
    });
  });

  describe("writes: status, links", () => {
    it("P1 bulk status: allowed transitions change, repeat is a no-op success, and the change is visible in E3 and E2", async () => {
      const completed = summaries.filter((s) => s.status === "COMPLETED").slice(0, 3).map((s) => s.id);
      expect(completed.length).toBeGreaterThanOrEqual(2);
      const result = await client.updateStatuses(completed, "ACCEPTED");
      expect(result.failed).toEqual([]);
      expect([...result.changed].sort()).toEqual([...completed].sort());
      const after = await Promise.all(completed.map((id) => client.getClient(id)));
      for (const { client: d } of after) {
        expect(d.status).toBe("ACCEPTED");
        expect(d.statusManuallyChanged).toBe(true);
      }
      const again = await client.updateStatuses(completed, "ACCEPTED");
      expect(again.failed).toEqual([]);
      const afterAgain = await Promise.all(completed.map((id) => client.getClient(id)));
      expect(afterAgain.map((r) => r.client.lastModified)).toEqual(after.map((r) => r.client.lastModified));
      // Changed clients sort last in E2 (lastModified = now).
      const list = await collect(client.clients({}));
      expect(new Set(list.slice(-completed.length).map((c) => c.id))).toEqual(new Set(completed));
      expect(list.length).toBe(PROFILES);
    });

    it("P2/P3 link and unlink: both clients list the link, both move, and unlink removes it (pairs are unordered)", async () => {
      const [a, b] = summaries.filter((s) => (plain.get(s.id)?.client.links.length ?? 1) === 0).map((s) => s.id);
      expect(a && b).toBeTruthy();
      const before = await Promise.all([client.getClient(a!), client.getClient(b!)]);
      const ack = await client.link(a!, b!, "RELATES_TO");
      expect(ack).toMatchObject({ message: "Link created", code: 0 });
      const linked = await Promise.all([client.getClient(a!), client.getClient(b!)]);
      for (const [i, { client: d }] of linked.entries()) {
        expect(d.links).toEqual([{ from: a, to: b, type: "RELATES_TO" }]);
        expect(d.lastModified.getTime()).toBeGreaterThan(before[i]!.client.lastModified.getTime());
      }
      const un = await client.unlink(b!, a!);
      expect(un).toMatchObject({ message: "Link deleted", code: 0 });
      const unlinked = await Promise.all([client.getClient(a!), client.getClient(b!)]);
      for (const { client: d } of unlinked) expect(d.links).toEqual([]);
    });
  });

  describe("error mapping (§1.5)", () => {
    it("an unknown client is TruliooApiError 4100 'Client not found' (404)", async () => {
      for (const id of [UNKNOWN_UUID, "not-a-uuid"]) {
        const error = await truliooError(client.getClient(id));
        expect(error).toBeInstanceOf(ProviderHttpError);
        expect(error).toMatchObject({ status: 404, code: 4100, meaning: "Client not found", isNotFound: true, retryable: false });
        expect(error.userMessage).toBe("Trulioo 4100: Client not found");
      }
    });

    it("bulk status with a forbidden transition: that id fails with 4111, the others change (atomic chunks upstream)", async () => {
      const fresh = await collect(client.clients({}));
      const notStarted = fresh.find((s) => s.status === "NOT_STARTED")!;
      const allowed = fresh.filter((s) => s.status === "PENDING_REVIEW" || s.status === "COMPLETED").slice(0, 3);
      expect(notStarted).toBeDefined();
      expect(allowed.length).toBeGreaterThanOrEqual(2);
      const ids = [allowed[0]!.id, notStarted.id, ...allowed.slice(1).map((s) => s.id)];
      const result = await client.updateStatuses(ids, "REJECTED");
      expect(result.failed.map((f) => f.id)).toEqual([notStarted.id]);
      const failure = result.failed[0]!.error;
      expect(failure).toBeInstanceOf(TruliooApiError);
      expect(failure).toMatchObject({ status: 409, code: 4111, meaning: "Status transition not permitted" });
      expect(failure.endClientIds).toEqual([notStarted.id]);
      expect([...result.changed].sort()).toEqual(allowed.map((s) => s.id).sort());
      expect((await client.getClient(notStarted.id)).client.status).toBe("NOT_STARTED");
      for (const s of allowed) expect((await client.getClient(s.id)).client.status).toBe("REJECTED");
    });

    it("bulk status naming an unknown id: that id fails with 4100, the others change", async () => {
      const target = (await collect(client.clients({ statuses: ["REJECTED"] })))[0]!;
      const result = await client.updateStatuses([target.id, UNKNOWN_UUID], "PENDING_REVIEW");
      expect(result.changed).toEqual([target.id]);
      expect(result.failed.map((f) => [f.id, f.error.code, f.error.meaning])).toEqual([[UNKNOWN_UUID, 4100, "Client not found"]]);
    });

    it("link to self or a second link between a pair is 4105; unlinking a pair without a link is 4106; an unknown client is 4100", async () => {
      const [a, b, c] = summaries.slice(5).filter((s) => (plain.get(s.id)?.client.links.length ?? 1) === 0).map((s) => s.id);
      const self = await truliooError(client.link(a!, a!, "DUPLICATE_OF"));
      expect(self).toMatchObject({ status: 400, code: 4105, meaning: "Create linked leads invalid request" });
      await client.link(a!, b!, "OWNS");
      const duplicate = await truliooError(client.link(b!, a!, "OWNED_BY"));
      expect(duplicate).toMatchObject({ status: 400, code: 4105 });
      const missing = await truliooError(client.unlink(a!, c!));
      expect(missing).toMatchObject({ status: 400, code: 4106, meaning: "Delete linked leads invalid request" });
      const unknown = await truliooError(client.link(a!, UNKNOWN_UUID, "RELATES_TO"));
      expect(unknown).toMatchObject({ status: 404, code: 4100 });
      expect(unknown.endClientIds).toEqual([UNKNOWN_UUID]);
      await client.unlink(a!, b!);
    });

    it("signed URL for an unpublished flow is 4000; for an unknown client 4100", async () => {
      const flows = await collect(client.workflows());
      const unpublished = flows.find((w) => !w.published)!;
      expect(await truliooError(client.getSignedUrl(unpublished.id))).toMatchObject({ status: 404, code: 4000, meaning: "Flow not found" });
      const published = flows.find((w) => w.published)!;
      expect(await truliooError(client.getSignedUrl(published.id, UNKNOWN_UUID))).toMatchObject({ status: 404, code: 4100 });
    });

    it("an unknown file key is a 404", async () => {
      const error = await truliooError(client.getFile("bm90LWEta2V5+/=="));
      expect(error).toMatchObject({ status: 404, isNotFound: true });
    });

    it("wrong credentials are a ProviderAuthError, not retried", async () => {
      const before = await t.counter("status", "400");
      const bad = t.trulioo({}, {}, "wrong-secret");
      const error = await rejectionOf(bad.listClients({}));
      expect(error).toBeInstanceOf(ProviderAuthError);
      expect((error as Error).message).toContain("invalid_client");
      expect(await t.counter("status", "400")).toBe(before + 1);
    });
  });
});

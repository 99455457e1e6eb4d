// Contract tests, TrustX: the TrustxClient against the sandbox's process manager (X1-X7). Bodies must
// pass the client's schemas, Spring pages must page 0-based with size clamped to 1..100, and creates,
// reads and errors must behave as §3 says.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderAuthError, ProviderHttpError } from "../../lib/providers/errors";
import type { TrustxClient } from "../../lib/providers/trustx/client";
import { TRUSTX_STATUS_LABELS, type TProcessInstance } from "../../lib/providers/trustx/schemas";
import { collect, contractSandbox, mapLimit, rejectionOf, UNKNOWN_UUID, type TContractSandbox } from "./support";

const INSTANCES = 60;
const WITH_USER_DATA = new Set(["REVIEW", "COMPLETED_ENDED_SUCCESS", "COMPLETED_ENDED_ERROR"]);
const UNKNOWN_INSTANCE = "AAAAAAAAAAAAAAAAAAAAAAAAAA";

async function httpError(promise: Promise<unknown>): Promise<ProviderHttpError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ProviderHttpError);
  return error as ProviderHttpError;
}

describe("TrustX contract: client ↔ sandbox", () => {
  let t: TContractSandbox;
  let client: TrustxClient;
  let token: string;
  let listed: TProcessInstance[] = [];

  beforeAll(async () => {
    t = await contractSandbox();
    client = t.trustx();
    token = await t.raw.trustxToken();
  });
  afterAll(() => t.close());

  describe("contract: every body the client reads passes its schemas", () => {
    it("X5 list pages parse with zero invalid items, page after page to the last", async () => {
      const all: TProcessInstance[] = [];
      for (let page = 0; ; page += 1) {
        const res = await client.listInstances(page, 25);
        expect(res.content.invalid).toEqual([]);
        expect(res).toMatchObject({ number: page, size: 25, totalElements: INSTANCES, totalPages: 3, first: page === 0 });
        expect(res.numberOfElements).toBe(res.content.valid.length);
        all.push(...res.content.valid);
        if (res.last) break;
        expect(page).toBeLessThan(10);
      }
      listed = all;
      expect((await t.dataSizes()).trustxInstances).toBe(INSTANCES);
      expect(new Set(all.map((x) => x.id)).size).toBe(INSTANCES);
      // Default order createdAt,desc (contract §0.3).
      for (let i = 1; i < all.length; i += 1) expect(all[i]!.createdAt.getTime()).toBeLessThanOrEqual(all[i - 1]!.createdAt.getTime());
      for (const x of all) {
        expect(x.id).toMatch(/^[A-Z2-7]{26}$/);
        // statusMapped is the UI label the client also knows (contract §3.4).
        expect(x.statusMapped).toBe(TRUSTX_STATUS_LABELS[x.status]);
      }
      expect(new Set(all.map((x) => x.status)).size).toBeGreaterThanOrEqual(5);
    });

    it("X3/X4/X7: every instance reads alone, with parameters, and with user data exactly where its status has some", async () => {
      let withData = 0;
      const trulioo = t.trulioo();
      await mapLimit(listed, 8, async (item) => {
        const one = await client.getInstance(item.id);
        expect(one).toEqual(item);
        const params = await client.getInstanceWithParameters(item.id);
        expect(params).toMatchObject({ ...item, processTokenId: expect.any(String) });
        expect(params.processTokenParameters).toMatchObject({ firstName: item.firstName, lastName: item.lastName });
        const reference = params.processTokenParameters?.referenceID;
        if (typeof reference === "string" && /^[0-9a-f]{8}-/.test(reference)) {
          // Cross-provider (§4): the referenceID names a Trulioo client.
          expect((await trulioo.getClient(reference)).client.id).toBe(reference);
        }
        if (WITH_USER_DATA.has(item.status)) {
          withData += 1;
          const data = await client.getUserData(item.processDefnId!, item.id);
          const docs = Object.values(data.documents);
          expect(docs.length).toBeGreaterThan(0);
          for (const doc of docs) {
            expect(doc.documentType).toMatch(/^(DRIVERS_LICENSE|ID_CARD|PASSPORT|OTHER)$/);
            expect(doc.countryCode).toMatch(/^[A-Z]{2}$/);
            expect(doc.biographicData.map((b) => b.fieldName)).toContain("Document Number");
          }
        } else {
          expect((await httpError(client.getUserData(item.processDefnId!, item.id))).status).toBe(404);
        }
      });
      expect(withData).toBeGreaterThan(0);
    });

    it("X1/X2: a process token and an instance created from it parse, and the instance is readable with its parameters", async () => {
      const processDefnName = listed[0]!.processDefnName!;
      const reference = (await collect(t.trulioo().clients({ limit: 1 })))[0]!.id;
      const created = await client.createProcessToken({
        name: "Contract test link",
        processDefnName,
        status: "ACTIVE",
        type: "UNLIMITED",
        parameters: { firstName: "Zoë", lastName: "Müller", referenceID: reference },
      });
      expect(created).toMatchObject({ name: "Contract test link", processDefnName, status: "ACTIVE", type: "UNLIMITED", counter: 0, maxProcessDuration: "PT48H" });
      expect(created.createdDtm).toBeInstanceOf(Date);
      const instance = await client.createProcessInstance(created.id);
      expect(instance.processInstanceId).toMatch(/^[A-Z2-7]{26}$/);
      const ps = new URL(instance.redirectUrl).searchParams.get("ps");
      expect(ps).toContain(`/api/process-server/startProcess?pi=${instance.processInstanceId}`);

      const read = await client.getInstanceWithParameters(instance.processInstanceId);
      expect(read).toMatchObject({ id: instance.processInstanceId, status: "PENDING", statusMapped: "Pending", firstName: "Zoë", lastName: "Müller", processTokenId: created.id });
      expect(read.processTokenParameters?.referenceID).toBe(reference);
      // A new instance is the newest: first in the default order, and one more in the total.
      const first = await client.listInstances(0, 5);
      expect(first.totalElements).toBe(INSTANCES + 1);
      expect(first.content.valid[0]?.id).toBe(instance.processInstanceId);

      // Opening the journey moves it to ACTIVE; the sandbox then finishes it with user data.
      expect((await fetch(ps!)).status).toBe(200);
      expect((await client.getInstance(instance.processInstanceId)).status).toBe("ACTIVE");
      await t.control(`/trustx/instances/${instance.processInstanceId}/status`, { status: "COMPLETED_ENDED_SUCCESS" });
      const done = await client.getInstance(instance.processInstanceId);
      expect(done).toMatchObject({ status: "COMPLETED_ENDED_SUCCESS", statusMapped: "Accepted" });
      const data = await client.getUserData(done.processDefnId!, done.id);
      expect(data.customData?.referenceID).toBe(reference);
    });
  });

  describe("paging (§0.3): Spring pages, 0-based, size 1..100 clamped", () => {
    it("page 0 is first; size is clamped; a page past the end is empty and last", async () => {
      const big = await client.listInstances(0, 500);
      expect(big).toMatchObject({ size: 100, number: 0, first: true, last: true });
      const tiny = await client.listInstances(0, 0);
      expect(tiny.size).toBe(1);
      expect(tiny.content.valid.length).toBe(1);
      const past = await client.listInstances(99, 10);
      expect(past.content.valid).toEqual([]);
      expect(past.last).toBe(true);
    });

    it("the iterator (X6 search, ascending) yields each instance exactly once and matches an independent raw count", async () => {
      const raw = await t.raw.get<{ totalElements: number; content: Array<{ id: string }> }>(
        `${t.e("TRUSTX_BASE_URL")}/api/process-manager/processInstances?size=100`,
        token,
      );
      const total = raw.body.totalElements;
      const rawIds = raw.body.content.map((x) => x.id);
      for (const size of [7, 20, 100, 1000]) {
        const totals: number[] = [];
        const items = await collect(client.instances({ size }, { onTotal: (n) => totals.push(n), onInvalid: (i) => expect.fail(`invalid ${String(i.id)}`) }));
        const ids = items.map((x) => x.id);
        expect(new Set(ids).size, `size=${size}`).toBe(ids.length);
        expect(ids.length).toBe(total);
        expect(new Set(ids)).toEqual(new Set(rawIds));
        expect(totals.every((n) => n === total)).toBe(true);
        for (let i = 1; i < items.length; i += 1) expect(items[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(items[i - 1]!.createdAt.getTime());
      }
    });

    it("search filters: status list, definition name (case-insensitive), text, and a date window [start, end)", async () => {
      const all = await collect(client.instances({}));
      const statuses = ["REVIEW", "COMPLETED_ENDED_SUCCESS"];
      const byStatus = await collect(client.instances({ statuses: statuses.map((s) => s.toLowerCase()) }));
      expect(byStatus.length).toBe(all.filter((x) => statuses.includes(x.status)).length);
      const name = all[0]!.processDefnName!;
      const byName = await collect(client.instances({ processDefinitionName: name.toUpperCase() }));
      expect(byName.length).toBe(all.filter((x) => x.processDefnName === name).length);
      const someone = all.find((x) => (x.lastName ?? "").length > 3)!;
      const byText = await collect(client.instances({ searchString: someone.lastName!.toLowerCase() }));
      expect(byText.map((x) => x.id)).toContain(someone.id);
      const start = all[10]!.createdAt;
      const end = all[20]!.createdAt;
      const window = await collect(client.instances({ startDateTime: start, endDateTime: end }));
      expect(window.map((x) => x.id)).toEqual(all.slice(10, 20).map((x) => x.id));
    });
  });

  describe("error mapping", () => {
    it("an unknown instance is a 404 ProviderHttpError (X3, X4, X7)", async () => {
      for (const call of [client.getInstance(UNKNOWN_INSTANCE), client.getInstanceWithParameters(UNKNOWN_INSTANCE)]) {
        const error = await httpError(call);
        expect(error).toMatchObject({ status: 404, isNotFound: true, retryable: false });
        expect(error.upstreamMessage).toMatch(/not found/i);
      }
      const item = listed.find((x) => WITH_USER_DATA.has(x.status))!;
      expect((await httpError(client.getUserData("WRONGDEFINITION", item.id))).status).toBe(404);
    });

    it("X2 refuses unknown (404), INACTIVE (400) and used-up (400) tokens; X1 refuses an unknown definition (400)", async () => {
      const processDefnName = listed[0]!.processDefnName!;
      expect((await httpError(client.createProcessInstance(UNKNOWN_UUID))).status).toBe(404);
      const inactive = await client.createProcessToken({ name: "inactive", processDefnName, status: "INACTIVE", type: "UNLIMITED" });
      expect((await httpError(client.createProcessInstance(inactive.id))).status).toBe(400);
      const once = await client.createProcessToken({ name: "once", processDefnName, status: "ACTIVE", type: "MULTI_USE_COUNT_LIMITED", maxCount: 1 });
      await client.createProcessInstance(once.id);
      const usedUp = await httpError(client.createProcessInstance(once.id));
      expect(usedUp.status).toBe(400);
      expect(usedUp.upstreamMessage).toMatch(/exhausted/i);
      const unknownDef = await httpError(client.createProcessToken({ name: "x", processDefnName: "No Such Process", status: "ACTIVE", type: "UNLIMITED" }));
      expect(unknownDef.status).toBe(400);
    });

    it("a wrong API key is a ProviderAuthError", async () => {
      const error = await rejectionOf(t.trustx({}, {}, "wrong-key").listInstances());
      expect(error).toBeInstanceOf(ProviderAuthError);
    });
  });
});

// Contract tests, Jumio: the JumioClient against the sandbox's Retrieval API V3 (J1-J10) and its
// presigned PDF URL. Every body must pass the client's schemas, paging is 1-based and ends at the
// first short page, and deletion/feedback/errors behave as §2.5-§2.6 say.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderAuthError, ProviderHttpError, ProviderResponseError } from "../../lib/providers/errors";
import type { JumioClient } from "../../lib/providers/jumio/client";
import { FEEDBACK_REASONS, FEEDBACK_STATUSES, ZFeedbackSchema, type TExecutionListItem, type TFeedback, type TTransactionRecord } from "../../lib/providers/jumio/schemas";
import { collect, contractSandbox, hasTrailer, magicOf, mapLimit, rejectionOf, UNKNOWN_UUID, type TContractSandbox } from "./support";

const PROFILES = 60;
/** Executions per account repeat in blocks of four accounts: 3, 1, 2, 1 (sandbox/data/context.ts). */
const EXPECTED_EXECUTIONS = Math.floor(PROFILES / 4) * 7 + [0, 3, 4, 6][PROFILES % 4]!;
const WORKFLOW_STATUSES = ["INITIATED", "ACQUIRED", "PROCESSED", "SESSION_EXPIRED", "TOKEN_EXPIRED"];

async function httpError(promise: Promise<unknown>): Promise<ProviderHttpError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ProviderHttpError);
  return error as ProviderHttpError;
}

describe("Jumio contract: client ↔ sandbox", () => {
  let t: TContractSandbox;
  let client: JumioClient;
  let token: string;
  let executions: TExecutionListItem[] = [];
  const records = new Map<string, TTransactionRecord>();
  const stepIds = new Map<string, string[]>();

  const rawPage = async (page: number, size: number) =>
    (await t.raw.get<{ workflowExecutions: Array<{ id: string }> }>(`${t.e("JUMIO_RETRIEVAL_URL")}/api/v1/workflow-executions?page=${page}&size=${size}`, token)).body
      .workflowExecutions;
  const processed = () => executions.filter((x) => x.status === "PROCESSED");

  beforeAll(async () => {
    t = await contractSandbox();
    client = t.jumio();
    token = await t.raw.jumioToken();
  });
  afterAll(() => t.close());

  describe("contract: every body the client reads passes its schemas", () => {
    it("J1 list pages parse with zero invalid items, down to the first short page", async () => {
      const all: TExecutionListItem[] = [];
      for (let page = 1; ; page += 1) {
        const res = await client.listExecutions(page, 25);
        expect(res.workflowExecutions.invalid).toEqual([]);
        all.push(...res.workflowExecutions.valid);
        if (res.workflowExecutions.valid.length < 25) break;
        expect(page).toBeLessThan(20);
      }
      executions = all;
      expect((await t.dataSizes()).jumioExecutions).toBe(EXPECTED_EXECUTIONS);
      expect(all.length).toBe(EXPECTED_EXECUTIONS);
      expect(new Set(all.map((x) => x.id)).size).toBe(EXPECTED_EXECUTIONS);
      // Newest createdAt first (contract J1).
      for (let i = 1; i < all.length; i += 1) expect(all[i]!.createdAt.getTime()).toBeLessThanOrEqual(all[i - 1]!.createdAt.getTime());
      const statuses = new Set(all.map((x) => x.status));
      for (const s of statuses) expect(WORKFLOW_STATUSES).toContain(s);
      expect(statuses.has("PROCESSED")).toBe(true);
      expect(statuses.size).toBeGreaterThanOrEqual(3);
    });

    it("J2-J5: record, status, steps and rules parse for every execution and agree with the list", async () => {
      await mapLimit(executions, 8, async (item) => {
        const [record, status, steps, rules] = await Promise.all([
          client.getExecution(item.account.id, item.id),
          client.getStatus(item.account.id, item.id),
          client.getSteps(item.account.id, item.id),
          client.getRules(item.account.id, item.id),
        ]);
        records.set(item.id, record);
        stepIds.set(item.id, steps.steps.map((s) => s.id));
        expect(record.workflow.id).toBe(item.id);
        expect(record.account.id).toBe(item.account.id);
        expect(record.workflow.status).toBe(item.status);
        expect(record.createdAt).toEqual(item.createdAt);
        expect(record.decision?.type).toBe(item.decision?.type);
        expect(record.workflow.customerInternalReference).toBe(item.customerInternalReference);
        expect(status.workflowExecution).toMatchObject({ id: item.id, status: item.status });
        expect(status.account.id).toBe(item.account.id);
        expect(record.wipedOutAt ?? null).toBeNull();
        if (item.status === "PROCESSED") {
          expect(record.decision?.type).toMatch(/^(PASSED|WARNING|REJECTED|NOT_EXECUTED)$/);
          expect(Object.keys(record.capabilities).length).toBeGreaterThan(0);
          expect(record.credentials.map((c) => c.category)).toEqual(["ID", "SELFIE", "FACEMAP"]);
          expect(steps.steps.length).toBeGreaterThan(0);
          expect(rules.executions.length).toBeGreaterThan(0);
          for (const rule of rules.executions) expect(rule.result).toMatch(/^(FIRED|NOT_FIRED)$/);
        } else {
          // Only PROCESSED executions have details (contract §2.3).
          expect(record.decision?.type).toBe("NOT_EXECUTED");
          expect(record.capabilities).toEqual({});
          expect(steps.steps).toEqual([]);
          expect(rules.executions).toEqual([]);
        }
      });
      expect(records.size).toBe(EXPECTED_EXECUTIONS);
    });

    it("J6 credential parts: FRONT/BACK are PNG, FACE is JPEG, as Content-Type says; FACEMAP has no href and is a 404", async () => {
      const parts: Array<{ account: string; credential: string; classifier: string; href: boolean }> = [];
      for (const item of processed()) {
        for (const credential of records.get(item.id)!.credentials) {
          for (const part of credential.parts) parts.push({ account: item.account.id, credential: credential.id, classifier: part.classifier, href: !!part.href });
        }
      }
      const classifiers = new Set(parts.map((p) => p.classifier));
      expect(classifiers).toEqual(new Set(["FRONT", "BACK", "FACE", "FACEMAP"]));
      await mapLimit(parts, 8, async (p) => {
        if (!p.href) {
          expect(p.classifier).toBe("FACEMAP");
          expect((await httpError(client.getCredentialPart(p.account, p.credential, p.classifier))).status).toBe(404);
          return;
        }
        const file = await client.getCredentialPart(p.account, p.credential, p.classifier);
        const kind = magicOf(file.bytes);
        expect(kind, `${p.classifier} of ${p.credential}`).toBe(p.classifier === "FACE" ? "jpeg" : "png");
        expect(file.contentType.split(";")[0]).toBe(kind === "jpeg" ? "image/jpeg" : "image/png");
        expect(hasTrailer(file.bytes, kind)).toBe(true);
        expect(file.bytes.length).toBeLessThanOrEqual(5 * 1024 * 1024);
      });
    });

    it("J7 PDF: the presigned URL (no token) serves a real PDF", async () => {
      for (const item of processed().slice(0, 5)) {
        const link = await client.getPdfLink(item.account.id, item.id);
        expect(link.presignedUrl).toContain("X-Amz-Signature=");
        const pdf = await client.downloadPdf(item.account.id, item.id);
        expect(magicOf(pdf.bytes)).toBe("pdf");
        expect(hasTrailer(pdf.bytes, "pdf")).toBe(true);
        expect(pdf.contentType.split(";")[0]).toBe("application/pdf");
        expect(pdf.filename).toBe(`jumio-${item.id}.pdf`);
      }
    });

    it("J7 presigned URL expires after 15 minutes with a 403 (S3 AccessDenied)", async () => {
      const item = processed()[0]!;
      const { presignedUrl } = await client.getPdfLink(item.account.id, item.id);
      await t.control("/clock", { advanceSeconds: 901 });
      try {
        const res = await fetch(presignedUrl, { headers: { "user-agent": "ComplianceDesk/1.0" } });
        expect(res.status).toBe(403);
        expect(await res.text()).toContain("AccessDenied");
      } finally {
        await t.control("/clock", { reset: true });
      }
    });

    it("J10 feedback: accepted as {}, stored in the record, last write wins", async () => {
      const item = processed()[1]!;
      expect(await client.setFeedback(item.account.id, item.id, { status: "FRAUD", reason: "IDENTITY_FRAUD" })).toEqual({});
      expect((await client.getExecution(item.account.id, item.id)).feedback).toEqual({ status: "FRAUD", reason: "IDENTITY_FRAUD" });
      expect(await client.setFeedback(item.account.id, item.id, { status: "NOT_FRAUD" })).toEqual({});
      const after = (await client.getExecution(item.account.id, item.id)).feedback;
      expect(after?.status).toBe("NOT_FRAUD");
      expect(after?.reason ?? null).toBeNull();
    });

    it("cross-provider (§4): a UUID customerInternalReference names a Trulioo client", async () => {
      const trulioo = t.trulioo();
      const references = [...new Set(executions.map((x) => x.customerInternalReference ?? ""))];
      const known = references.filter((r) => /^[0-9a-f]{8}-/.test(r));
      expect(known.length).toBeGreaterThan(0);
      for (const ref of known.slice(0, 5)) expect((await trulioo.getClient(ref)).client.id).toBe(ref);
      expect(references.filter((r) => !known.includes(r)).every((r) => r.startsWith("ext-"))).toBe(true);
    });
  });

  describe("paging (§0.3): 1-based pages, size 1..100 clamped, end at the first short page", () => {
    it("page 1 is the first page (page 0 is clamped to 1); size is clamped to 1..100", async () => {
      const ids = executions.map((x) => x.id);
      expect((await client.listExecutions(1, 10)).workflowExecutions.valid.map((x) => x.id)).toEqual(ids.slice(0, 10));
      expect((await client.listExecutions(2, 10)).workflowExecutions.valid.map((x) => x.id)).toEqual(ids.slice(10, 20));
      expect((await client.listExecutions(0, 10)).workflowExecutions.valid.map((x) => x.id)).toEqual(ids.slice(0, 10));
      expect((await client.listExecutions(1, 500)).workflowExecutions.valid.length).toBe(100);
      expect((await client.listExecutions(1, 0)).workflowExecutions.valid.length).toBe(1);
      expect((await client.listExecutions(99, 100)).workflowExecutions.valid).toEqual([]);
    });

    it("the iterator yields each execution exactly once, in order, for any size up to 100 (including an exact multiple)", async () => {
      const rawIds: string[] = [];
      for (let page = 1; ; page += 1) {
        const items = await rawPage(page, 100);
        rawIds.push(...items.map((x) => x.id));
        if (items.length < 100) break;
      }
      expect(rawIds.length).toBe(EXPECTED_EXECUTIONS);
      // 7 divides 105: the iterator must stop on the empty page that follows.
      for (const size of [7, 10, 100]) {
        const ids = (await collect(client.executions(size, { onInvalid: (i) => expect.fail(`invalid ${String(i.id)}`) }))).map((x) => x.id);
        expect(ids, `size=${size}`).toEqual(rawIds);
      }
    });

    // Regression: the server clamps size to 100, so the end of the list is judged against that.
    it("the iterator with size > 100 still reads every execution (size is clamped upstream)", async () => {
      const ids = (await collect(client.executions(150))).map((x) => x.id);
      expect(ids.length).toBe(EXPECTED_EXECUTIONS);
    });
  });

  describe("deletion (§2.6)", () => {
    it("J8 wipes one execution: tombstone stays readable, PII gone, parts and PDF 404, repeat is fine", async () => {
      const item = processed()[2]!;
      const before = records.get(item.id)!;
      const front = before.credentials.find((c) => c.category === "ID")!;
      expect(await client.deleteExecution(item.account.id, item.id)).toEqual({});
      const after = await client.getExecution(item.account.id, item.id);
      expect(after.wipedOutAt).toBeInstanceOf(Date);
      expect(after.workflow).toEqual(before.workflow);
      expect(after.decision).toEqual(before.decision);
      for (const c of after.credentials) {
        expect(c.parts).toEqual([]);
        expect(c.clientIp ?? null).toBeNull();
      }
      for (const caps of Object.values(after.capabilities)) for (const cap of caps) expect(cap.data).toEqual({});
      expect((await httpError(client.getCredentialPart(item.account.id, front.id, "FRONT"))).status).toBe(404);
      expect((await httpError(client.getPdfLink(item.account.id, item.id))).status).toBe(404);
      expect((await httpError(client.downloadPdf(item.account.id, item.id))).status).toBe(404);
      const steps = await client.getSteps(item.account.id, item.id);
      // Steps survive as ids, names and decisions only.
      expect(steps.steps.map((s) => s.id)).toEqual(stepIds.get(item.id));
      for (const s of steps.steps) expect(s.capabilities).toEqual([]);
      expect(await client.deleteExecution(item.account.id, item.id)).toEqual({});
    });

    // Regression: a wiped rule keeps only id, name and decision (contract §2.6).
    it("J5 rules of a wiped execution still parse (ids, names and decisions only)", async () => {
      const item = processed()[3]!;
      await client.deleteExecution(item.account.id, item.id);
      const rules = await client.getRules(item.account.id, item.id);
      expect(rules.executions.length).toBeGreaterThan(0);
    });

    it("J9 wipes every execution of the account; repeating is fine; an unknown account is a 404", async () => {
      const byAccount = new Map<string, TExecutionListItem[]>();
      for (const x of executions) byAccount.set(x.account.id, [...(byAccount.get(x.account.id) ?? []), x]);
      const [account, members] = [...byAccount.entries()].find(([, list]) => list.length >= 2 && list.some((x) => x.status === "PROCESSED"))!;
      expect(await client.deleteAccount(account)).toEqual({});
      for (const x of members) expect((await client.getExecution(account, x.id)).wipedOutAt).toBeInstanceOf(Date);
      expect(await client.deleteAccount(account)).toEqual({});
      expect((await httpError(client.deleteAccount(UNKNOWN_UUID))).status).toBe(404);
    });
  });

  describe("error mapping", () => {
    it("FRAUD feedback without a reason (bypassing local validation) is a ProviderHttpError 400 with Jumio's message", async () => {
      const item = processed()[4]!;
      const error = await httpError(client.setFeedback(item.account.id, item.id, { status: "FRAUD" } as TFeedback));
      expect(error).toMatchObject({ status: 400, retryable: false });
      expect(error.upstreamMessage).toMatch(/reason/i);
      const nullReason = await httpError(client.setFeedback(item.account.id, item.id, { status: "FRAUD", reason: null } as unknown as TFeedback));
      expect(nullReason.status).toBe(400);
      const unknownStatus = await httpError(client.setFeedback(item.account.id, item.id, { status: "MAYBE" } as unknown as TFeedback));
      expect(unknownStatus.status).toBe(400);
    });

    // Regression: reason "NA" satisfies FRAUD's required reason, as Jumio (and the sandbox) accept it.
    it("local feedback validation accepts exactly what J10 accepts", async () => {
      const item = processed()[4]!;
      const disagreements: string[] = [];
      const cases: Array<Record<string, unknown>> = [];
      for (const status of FEEDBACK_STATUSES) {
        cases.push({ status });
        for (const reason of FEEDBACK_REASONS) cases.push({ status, reason });
      }
      for (const body of cases) {
        const local = ZFeedbackSchema.safeParse(body).success;
        const upstream = await client.setFeedback(item.account.id, item.id, body as TFeedback).then(
          () => true,
          (e: unknown) => (e instanceof ProviderHttpError && e.status === 400 ? false : Promise.reject(e)),
        );
        if (local !== upstream) disagreements.push(`${JSON.stringify(body)}: local ${local}, sandbox ${upstream}`);
      }
      expect(disagreements).toEqual([]);
    });

    it("unknown execution, execution under the wrong account, and non-UUID ids are 404", async () => {
      const [a, b] = executions.filter((x, i, all) => all.findIndex((y) => y.account.id === x.account.id) === i);
      expect((await httpError(client.getExecution(a!.account.id, UNKNOWN_UUID))).status).toBe(404);
      expect((await httpError(client.getExecution(b!.account.id, a!.id))).status).toBe(404);
      expect((await httpError(client.getStatus(a!.account.id, "nope"))).isNotFound).toBe(true);
      expect((await httpError(client.getSteps(a!.account.id, UNKNOWN_UUID))).status).toBe(404);
    });

    it("wrong credentials are a ProviderAuthError; a User-Agent of 'node' is a 403 that is not retried", async () => {
      expect(await rejectionOf(t.jumio({}, {}, { secret: "wrong" }).listExecutions())).toBeInstanceOf(ProviderAuthError);
      const before = await t.counter("status", "403");
      const error = await httpError(t.jumio({}, {}, { userAgent: "node" }).listExecutions());
      expect(error.status).toBe(403);
      expect(error).not.toBeInstanceOf(ProviderResponseError);
      expect(await t.counter("status", "403")).toBe(before + 1);
    });
  });
});

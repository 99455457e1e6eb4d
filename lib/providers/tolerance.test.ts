import { describe, expect, it } from "vitest";
import { ZRulesSchema, ZStepsSchema, ZTransactionRecordSchema, ZExecutionListItemSchema } from "./jumio/schemas";
import { ZClientDetailsSchema, ZClientSummarySchema, ZTruliooPageSchema, ZWorkflowSchema } from "./trulioo/schemas";
import { ZProcessInstanceSchema, ZSpringPageSchema, ZUserDataSchema } from "./trustx/schemas";
import { pageEnded } from "./paging";
import { ZTimeSchema } from "./lenient";

// What a real service may send that the contract did not show: each case must parse, mean the same as
// the contract's form, and keep strict what cursors, joins and statuses rely on.
const CLIENT = "3f0c1c1e-7a55-4a4e-9d37-2b8f7f1f2a10";
const OTHER = "9b2d6c1a-1111-4222-8333-444455556666";

describe("times", () => {
  it("reads seconds, milliseconds, numeric strings and ISO with or without an offset as the same instant", () => {
    const at = Date.UTC(2026, 4, 1, 10, 0, 0);
    for (const value of [at / 1000, at, String(at / 1000), "2026-05-01T10:00:00Z", "2026-05-01T10:00:00.000+00:00", "2026-05-01T12:00:00+02:00", "2026-05-01T10:00:00.000", "2026-05-01 10:00:00"]) {
      expect(ZTimeSchema.parse(value).getTime(), String(value)).toBe(at);
    }
  });

  it("still refuses what is not a time", () => {
    for (const value of [null, undefined, "", "yesterday", 42, true, {}, Number.NaN, 1e15]) expect(ZTimeSchema.safeParse(value).success, String(value)).toBe(false);
  });
});

describe("Trulioo", () => {
  const summary = { id: CLIENT, created: 1_767_225_600_000, lastModified: 1_767_225_600_000, status: "ACCEPTED" };

  it("reads explicit nulls as absent, keeping the defaults", () => {
    const parsed = ZClientSummarySchema.parse({ ...summary, ownerIds: null, profileType: null, statusManuallyChanged: null, user: null });
    expect(parsed).toMatchObject({ ownerIds: [], profileType: "NORMAL", statusManuallyChanged: false, user: null });
  });

  it("keeps ids, the cursor's lastModified and the status strict", () => {
    expect(ZClientSummarySchema.safeParse({ ...summary, id: "not-a-uuid" }).success).toBe(false);
    expect(ZClientSummarySchema.safeParse({ ...summary, lastModified: null }).success).toBe(false);
    expect(ZClientSummarySchema.safeParse({ ...summary, status: null }).success).toBe(false);
  });

  it("keeps numbers and booleans in a field's values as text, and reads null parts of a flow as empty", () => {
    const details = ZClientDetailsSchema.parse({
      ...summary,
      flowData: {
        f1: {
          id: "f1",
          completed: null,
          fieldData: {
            e1: { id: "e1", name: "Age", value: [42], role: null, normalizedName: null },
            e2: { id: "e2", name: "Consent", value: [true, null] },
            e3: { id: "e3", name: "Postcode", value: 10115 },
          },
          fileData: { e4: null, e5: "a2V5" },
          enhancedFileData: { e4: null },
          serviceData: [{ nodeId: "n1", serviceStatus: "COMPLETED", timestamp: 1_718_011_363_000, nodeTitle: null, transactionInfo: null, fullServiceDetails: null }],
        },
      },
      notes: null,
      tasks: null,
      links: null,
    });
    const flow = details.flowData.f1!;
    expect(flow.fieldData.e1!.value).toEqual(["42"]);
    expect(flow.fieldData.e2!.value).toEqual(["true"]);
    expect(flow.fieldData.e3!.value).toEqual(["10115"]);
    expect(flow.fileData).toEqual({ e5: "a2V5" });
    expect(flow.enhancedFileData).toEqual({ e4: [] });
    expect(flow.serviceData[0]!.timestamp?.getTime()).toBe(1_718_011_363_000);
    expect(details).toMatchObject({ notes: [], tasks: [], links: [], setAside: [] });
  });

  it("reads a service timestamp in seconds and in milliseconds as the same time", () => {
    const at = (timestamp: number) =>
      ZClientDetailsSchema.parse({ ...summary, flowData: { f: { id: "f", serviceData: [{ nodeId: "n", serviceStatus: "COMPLETED", timestamp }] } } }).flowData.f!.serviceData[0]!.timestamp;
    expect(at(1_718_011_363)).toEqual(at(1_718_011_363_000));
  });

  it("sets aside one malformed note, task or link and keeps the record and the other items", () => {
    const details = ZClientDetailsSchema.parse({
      ...summary,
      notes: [{ id: "n1", text: "ok", created: 1_767_225_600_000 }, { id: "n2" }],
      tasks: [{ id: "t1", text: "call back", created: "2026-01-01T00:00:00Z", resolved: null }],
      links: [{ from: CLIENT, to: OTHER, type: "OWNS" }, { from: CLIENT, to: "nope", type: "OWNS" }],
    });
    expect(details.notes.map((n) => n.id)).toEqual(["n1"]);
    expect(details.notes[0]!.created?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(details.tasks[0]!.resolved).toBe(false);
    expect(details.links).toEqual([{ from: CLIENT, to: OTHER, type: "OWNS" }]);
    expect(details.setAside.map((s) => [s.part, s.id])).toEqual([["notes", "n2"], ["links", null]]);
    expect(details.setAside[1]!.raw).toEqual({ from: CLIENT, to: "nope", type: "OWNS" });
  });

  it("reads workflows with the time in seconds and nulls for the flags", () => {
    const wf = ZWorkflowSchema.parse({ id: "w1", name: "Onboarding", corporate: null, published: true, created: 1_700_000_000 });
    expect(wf).toMatchObject({ corporate: false, published: true });
    expect(wf.created.getTime()).toBe(1_700_000_000_000);
  });

  it("tells the last page without `last`", () => {
    const page = ZTruliooPageSchema(ZClientSummarySchema).parse({ totalElements: 120, totalPages: 3, number: 2, data: [] });
    expect(page.last).toBeUndefined();
    expect(pageEnded({ ...page, number: 2, count: 20, size: 50 })).toBe(true);
    expect(pageEnded({ ...page, number: 1, count: 50, size: 50 })).toBe(false);
    expect(pageEnded({ count: 50, size: 50 })).toBe(false);
    expect(pageEnded({ count: 7, size: 50 })).toBe(true);
    expect(pageEnded({ last: false, count: 0, size: 50 })).toBe(true);
  });
});

describe("Jumio", () => {
  const id = "0b8f3e7a-1d2c-4e5f-8a9b-0c1d2e3f4a5b";
  const account = "7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e";
  const record = { workflow: { id, status: "PROCESSED" }, account: { id: account }, createdAt: "2026-01-02T10:00:00+00:00" };

  it("reads nulls for optional parts and other ISO spellings", () => {
    const parsed = ZTransactionRecordSchema.parse({ ...record, completedAt: null, credentials: null, capabilities: { usability: null }, consent: null, captureClient: null, feedback: null });
    expect(parsed).toMatchObject({ completedAt: null, credentials: [], capabilities: { usability: [] }, feedback: null, setAside: [] });
    expect(parsed.createdAt.toISOString()).toBe("2026-01-02T10:00:00.000Z");
    const item = ZExecutionListItemSchema.parse({ id, status: "PROCESSED", createdAt: "2026-01-02T10:00:00Z", completedAt: null, account: { id: account }, decision: null });
    expect(item.decision).toBeNull();
  });

  it("gives a decision sent without details its label: the type, or the workflow status when nothing ran", () => {
    const label = (decision: unknown, status = "PROCESSED") =>
      ZTransactionRecordSchema.parse({ ...record, workflow: { id, status }, decision }).decision?.details?.label;
    expect(label({ type: "WARNING", details: null, risk: { score: 48 } })).toBe("WARNING");
    expect(label({ type: "NOT_EXECUTED", details: null }, "SESSION_EXPIRED")).toBe("SESSION_EXPIRED");
    expect(label({ type: "NOT_EXECUTED", details: null }, "PROCESSED")).toBe("NOT_EXECUTED");
    expect(label({ type: "PASSED", details: { label: "PASSED" } })).toBe("PASSED");
  });

  it("sets aside feedback it cannot read and keeps the execution", () => {
    const parsed = ZTransactionRecordSchema.parse({ ...record, feedback: { reason: "PHISHING" } });
    expect(parsed.feedback).toBeNull();
    expect(parsed.setAside).toEqual([expect.objectContaining({ part: "feedback", raw: { reason: "PHISHING" } })]);
  });

  it("keeps a step or rule without a name, and sets aside one it cannot read", () => {
    const steps = ZStepsSchema.parse({ steps: [{ id: "s1", capabilities: null }, { name: "no id" }] });
    expect(steps.steps).toEqual([expect.objectContaining({ id: "s1", capabilities: [] })]);
    expect(steps.setAside.map((s) => s.part)).toEqual(["steps"]);
    const rules = ZRulesSchema.parse({ executions: [{ id: "r1", name: null, score: 3 }, { id: 5 }] });
    expect(rules.executions.map((r) => r.id)).toEqual(["r1"]);
    expect(rules.setAside).toHaveLength(1);
  });

  it("keeps the decision type and ids strict", () => {
    expect(ZTransactionRecordSchema.safeParse({ ...record, decision: { type: null } }).success).toBe(false);
    expect(ZTransactionRecordSchema.safeParse({ ...record, workflow: { id: "x", status: "PROCESSED" } }).success).toBe(false);
  });
});

describe("TrustX", () => {
  it("reads `createdDtm` for `createdAt`, times without an offset as UTC, epoch ms, and nulls", () => {
    const base = { id: "PI1", status: "ACTIVE", firstName: null, lastName: null, processDefnVersion: null, statusMapped: null };
    expect(ZProcessInstanceSchema.parse({ ...base, createdDtm: "2026-05-01T10:00:00.000" }).createdAt.toISOString()).toBe("2026-05-01T10:00:00.000Z");
    expect(ZProcessInstanceSchema.parse({ ...base, createdAt: Date.UTC(2026, 4, 1, 10) }).createdAt.toISOString()).toBe("2026-05-01T10:00:00.000Z");
    expect(ZProcessInstanceSchema.safeParse({ ...base }).success).toBe(false);
  });

  it("reads a Spring page without `last` and tells its end from number and totalPages", () => {
    const page = ZSpringPageSchema(ZProcessInstanceSchema).parse({ content: [], number: 0, size: 100, totalElements: 0, totalPages: 0 });
    expect(pageEnded({ ...page, count: page.content.length, size: 100 })).toBe(true);
    expect(pageEnded({ number: 0, totalPages: 2, count: 100, size: 100 })).toBe(false);
  });

  it("keeps numbers among the biographic values as text, and null lists as empty", () => {
    const data = ZUserDataSchema.parse({ documents: { doc1: { documentType: "PASSPORT", biographicData: [{ fieldName: "Document Number", values: { visualZoneValue: 123456, mrzValue: null } }] }, doc2: { biographicData: null } } });
    expect(data.documents.doc1!.biographicData[0]!.values).toEqual({ visualZoneValue: "123456", mrzValue: null });
    expect(data.documents.doc2!.biographicData).toEqual([]);
    expect(ZUserDataSchema.parse({ documents: null }).documents).toEqual({});
  });
});

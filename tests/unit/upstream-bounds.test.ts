// Every upstream string that ends up in an index or a key is bounded by its schema: an over-long one
// makes the record a contract breach (a SyncError, or a 400 for a webhook), never a database error.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZExecutionListItemSchema, ZExecutionStatusSchema, ZJumioCallbackSchema, ZTransactionRecordSchema } from "../../lib/providers/jumio/schemas";
import { ZClientDetailsSchema, ZClientSummarySchema, ZWorkflowSchema } from "../../lib/providers/trulioo/schemas";
import { ZProcessInstanceSchema, ZProcessInstanceWithParametersSchema } from "../../lib/providers/trustx/schemas";
import { ZTruliooEventSchema, ZTruliooHandshakeSchema } from "../../lib/webhooks/schemas";

const HUGE = "x".repeat(900 * 1024);
const UUID = "0b9b7f4e-5a0c-4c8e-9b1a-2f1d3c4b5a69";
const ISO = "2026-01-21T14:55:01.917Z";
const EPOCH = 1_718_011_363_000;

type TCase = [label: string, value: unknown];
/** A copy of `base` with `value` at a dotted path; a last segment "{key}" renames that record key to `value`. */
function withValue(base: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const parts = path.split(".");
  let node = copy as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  const last = parts.at(-1)!;
  const renamed = /^\{(.+)\}$/.exec(last);
  if (renamed) {
    node[value as string] = node[renamed[1]!];
    delete node[renamed[1]!];
  } else {
    node[last] = value;
  }
  return copy;
}

function expectBounded(schema: z.ZodType, base: unknown, paths: Record<string, number>) {
  expect(schema.safeParse(base).success, "the base fixture parses").toBe(true);
  const cases: TCase[] = [];
  for (const [path, max] of Object.entries(paths)) {
    expect(schema.safeParse(withValue(base, path, "a".repeat(max))).success, `${path} at ${max}`).toBe(true);
    cases.push([`${path} > ${max}`, withValue(base, path, "a".repeat(max + 1))], [`${path} 900 KB`, withValue(base, path, HUGE)]);
  }
  for (const [label, value] of cases) expect(schema.safeParse(value).success, label).toBe(false);
}

/**
 * For parts read item by item (notes, tasks, feedback): an over-long value never reaches the copy. The
 * record still parses, without that item, which is set aside under `part`.
 */
function expectSetAside(schema: z.ZodType, base: unknown, part: string, paths: Record<string, number>, kept: (out: never) => unknown[]) {
  for (const [path, max] of Object.entries(paths)) {
    const fits = schema.parse(withValue(base, path, "a".repeat(max))) as { setAside: { part: string }[] };
    expect(kept(fits as never).length, `${path} at ${max} is kept`).toBe(1);
    for (const value of ["a".repeat(max + 1), HUGE]) {
      const out = schema.parse(withValue(base, path, value)) as { setAside: { part: string }[] };
      expect(kept(out as never), `${path} > ${max} is left out`).toEqual([]);
      expect(out.setAside.map((s) => s.part)).toEqual([part]);
    }
  }
}

describe("Jumio schemas bound ids, references and statuses", () => {
  const callback = { callbackSentAt: ISO, workflowExecution: { id: UUID, href: "h", definitionKey: "10013", status: "PROCESSED" }, account: { id: UUID } };
  it("callback: status, definition and the time that make up the dedupe key", () => {
    expectBounded(ZJumioCallbackSchema, callback, { "workflowExecution.status": 100, "workflowExecution.definitionKey": 200, callbackSentAt: 100 });
    expect(ZJumioCallbackSchema.safeParse(withValue(callback, "workflowExecution.id", HUGE)).success).toBe(false);
  });

  it("list item, status and transaction record", () => {
    const item = { id: UUID, status: "PROCESSED", definitionKey: "10013", createdAt: ISO, account: { id: UUID }, customerInternalReference: "ref", decision: { type: "PASSED" } };
    expectBounded(ZExecutionListItemSchema, item, { status: 100, definitionKey: 200, customerInternalReference: 200, "decision.type": 100 });
    expectBounded(ZExecutionStatusSchema, { account: { id: UUID }, workflowExecution: { id: UUID, status: "PROCESSED" } }, {
      "account.id": 200,
      "workflowExecution.id": 200,
      "workflowExecution.status": 100,
    });
    const record = { workflow: { id: UUID, status: "PROCESSED", definitionKey: "10013", customerInternalReference: "ref" }, account: { id: UUID }, createdAt: ISO, feedback: { status: "NA", reason: "NA" } };
    expectBounded(ZTransactionRecordSchema, record, {
      "workflow.status": 100,
      "workflow.definitionKey": 200,
      "workflow.customerInternalReference": 200,
      "workflow.userReference": 200,
    });
    const kept = (out: { feedback: unknown }) => (out.feedback ? [out.feedback] : []);
    expectSetAside(ZTransactionRecordSchema, record, "feedback", { "feedback.status": 100, "feedback.reason": 100 }, kept);
  });
});

describe("Trulioo schemas bound ids, keys, statuses and the derived country", () => {
  const summary = { id: UUID, ownerIds: [], created: EPOCH, lastModified: EPOCH, profileType: "NORMAL", status: "ACCEPTED" };
  const details = {
    ...summary,
    flowData: {
      f1: {
        id: "f1",
        fieldData: { e1: { id: "e1", name: "Country", value: ["DE"], role: "address_country" } },
        fileData: { e2: "key" },
        enhancedFileData: { e3: ["key"] },
        serviceData: [{ serviceStatus: "COMPLETED", nodeId: "n1", transactionInfo: { transactionRecordId: "tr", countryCode: "DE" } }],
      },
    },
    notes: [{ id: "n1", text: "t" }],
    tasks: [{ id: "t1", text: "t" }],
  };

  it("workflow id and client status and type", () => {
    expectBounded(ZWorkflowSchema, { id: "wf", name: "KYC", corporate: false, published: true, created: EPOCH }, { id: 200 });
    expectBounded(ZClientSummarySchema, summary, { status: 100, profileType: 100 });
  });

  it("flow, element, note and task ids; roles, service statuses, record ids and countries", () => {
    expectBounded(ZClientDetailsSchema, details, {
      "flowData.{f1}": 200,
      "flowData.f1.id": 200,
      "flowData.f1.fieldData.{e1}": 200,
      "flowData.f1.fileData.{e2}": 200,
      "flowData.f1.enhancedFileData.{e3}": 200,
      "flowData.f1.fieldData.e1.role": 100,
      "flowData.f1.serviceData.0.serviceStatus": 100,
      "flowData.f1.serviceData.0.nodeId": 200,
      "flowData.f1.serviceData.0.transactionInfo.transactionRecordId": 200,
      "flowData.f1.serviceData.0.transactionInfo.countryCode": 100,
    });
    expectSetAside(ZClientDetailsSchema, details, "notes", { "notes.0.id": 200 }, (out: { notes: unknown[] }) => out.notes);
    expectSetAside(ZClientDetailsSchema, details, "tasks", { "tasks.0.id": 200 }, (out: { tasks: unknown[] }) => out.tasks);
    expect(ZClientDetailsSchema.safeParse(withValue(details, "flowData.f1.fieldData.e1.value", [HUGE])).success).toBe(false);
    // Free text under other roles is not indexed and stays unbounded by the schema.
    expect(ZClientDetailsSchema.safeParse(withValue(details, "flowData.f1.fieldData.e1", { id: "e1", name: "Notes", value: ["n".repeat(20_000)], role: "notes" })).success).toBe(true);
  });
});

describe("TrustX schemas bound ids, statuses and the customer reference", () => {
  const instance = { id: "pi-1", processDefnId: "d1", processDefnName: "KYC", createdAt: ISO, status: "ACTIVE", statusMapped: "In Progress" };
  it("process instance and its token parameters", () => {
    expectBounded(ZProcessInstanceSchema, instance, { id: 200, status: 100, statusMapped: 100, processDefnId: 200, processDefnName: 200 });
    const withParameters = { ...instance, processTokenParameters: { referenceID: "ref", other: "x".repeat(5000) } };
    expectBounded(ZProcessInstanceWithParametersSchema, withParameters, { "processTokenParameters.referenceID": 200 });
  });
});

describe("webhook schemas bound what becomes the dedupe key, type and subject", () => {
  const event = { id: UUID, token: "t", type: "EVENT_CALLBACK", event: { type: "FLOW_END", user: UUID }, flowId: "f1", userId: UUID };
  it("Trulioo event and handshake", () => {
    expectBounded(ZTruliooEventSchema, event, { id: 200, type: 100, "event.type": 100, "event.user": 200, userId: 200, flowId: 200, token: 1000 });
    expectBounded(ZTruliooHandshakeSchema, { type: "url_verification", token: "t", challenge: "c" }, { token: 1000, challenge: 1000 });
  });
});

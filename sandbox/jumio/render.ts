// Jumio API shapes: TransactionRecord (§2.3), ListItem, status, steps and rules.
import type { ExecutionRecord } from "../data/jumio";

const iso = (t: number | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString());

export function hrefs(baseUrl: string, rec: ExecutionRecord): { account: string; execution: string } {
  const account = `${baseUrl}/jumio/retrieval/api/v1/accounts/${rec.accountId}`;
  return { account, execution: `${account}/workflow-executions/${rec.id}` };
}

export function transactionRecord(baseUrl: string, rec: ExecutionRecord, malformed: boolean): Record<string, unknown> {
  const h = hrefs(baseUrl, rec);
  return {
    workflow: { id: rec.id, status: rec.status, definitionKey: rec.definitionKey, userReference: rec.userReference, customerInternalReference: rec.customerInternalReference },
    account: { id: rec.accountId },
    // The malformed-record fault: a wrong type in a required field.
    createdAt: malformed ? false : iso(rec.createdAt),
    ...(rec.startedAt !== undefined ? { startedAt: iso(rec.startedAt) } : {}),
    ...(rec.completedAt !== undefined ? { completedAt: iso(rec.completedAt) } : {}),
    ...(rec.wipedOutAt !== undefined ? { wipedOutAt: iso(rec.wipedOutAt) } : {}),
    credentials: rec.credentials.map((c) => ({
      id: c.id,
      category: c.category,
      ...(c.clientIp ? { clientIp: c.clientIp } : {}),
      parts: c.parts.map((p) => ({
        classifier: p.classifier,
        ...(p.classifier === "FACEMAP" ? {} : { href: `${h.account}/credentials/${c.id}/parts/${p.classifier}` }),
        ...(p.captureType ? { captureType: p.captureType } : {}),
      })),
      ...(c.consent ? { consent: c.consent } : {}),
    })),
    decision: rec.decision,
    steps: { href: `${h.execution}/steps` },
    rules: { href: `${h.execution}/rules` },
    capabilities: rec.capabilities,
    ...(rec.feedback ? { feedback: rec.feedback } : {}),
    ...(rec.consent ? { consent: rec.consent } : {}),
    captureClient: rec.captureClient,
  };
}

export function listItem(rec: ExecutionRecord, malformed: boolean): Record<string, unknown> {
  return {
    id: rec.id,
    status: rec.status,
    definitionKey: rec.definitionKey,
    createdAt: malformed ? false : iso(rec.createdAt),
    completedAt: iso(rec.completedAt) ?? null,
    account: { id: rec.accountId },
    customerInternalReference: rec.customerInternalReference,
    decision: { type: rec.decision.type, risk: { score: rec.decision.risk?.score ?? -1 } },
  };
}

export function statusBody(baseUrl: string, rec: ExecutionRecord): Record<string, unknown> {
  const h = hrefs(baseUrl, rec);
  return {
    account: { id: rec.accountId, href: h.account },
    workflowExecution: { id: rec.id, href: h.execution, definitionKey: rec.definitionKey, status: rec.status },
  };
}

export function stepsBody(rec: ExecutionRecord): Record<string, unknown> {
  const steps = rec.wipedOutAt === undefined ? rec.steps : rec.steps.map((s) => ({ id: s.id, name: s.name, decision: s.decision }));
  return { steps };
}

export function rulesBody(rec: ExecutionRecord): Record<string, unknown> {
  const rules = rec.wipedOutAt === undefined ? rec.rules : rec.rules.map((r) => ({ id: r.id, name: r.name, decision: r.decision }));
  return { executions: rules };
}

import type { TTransactionRecord } from "@/lib/providers/jumio/schemas";
import { TRUSTX_STATUS_LABELS, type TProcessInstance } from "@/lib/providers/trustx/schemas";
import { contentHash } from "./hash";

export type TExecutionRow = {
  provider: "JUMIO" | "TRUSTX";
  id: string;
  accountId: string | null;
  definition: string | null;
  status: string;
  decisionType: string | null;
  decisionLabel: string | null;
  riskScore: number | null;
  customerReference: string | null;
  firstName: string | null;
  lastName: string | null;
  createdAt: Date;
  completedAt: Date | null;
  wipedOutAt: Date | null;
  feedbackStatus: string | null;
  feedbackReason: string | null;
  raw: unknown;
  contentHash: string;
  /** When this copy was read upstream. */
  fetchedAt: Date;
};

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : null);

export function mapJumioExecution(
  record: TTransactionRecord,
  raw: { record: unknown; steps: unknown; rules: unknown },
): TExecutionRow {
  const extracted = record.capabilities.extraction?.[0]?.data ?? {};
  return {
    provider: "JUMIO",
    id: record.workflow.id,
    accountId: record.account.id,
    definition: record.workflow.definitionKey ?? null,
    status: record.workflow.status,
    decisionType: record.decision?.type ?? null,
    decisionLabel: record.decision?.details?.label ?? null,
    riskScore: record.decision?.risk?.score ?? null,
    customerReference: record.workflow.customerInternalReference ?? null,
    firstName: text(extracted.firstName),
    lastName: text(extracted.lastName),
    createdAt: record.createdAt,
    completedAt: record.completedAt ?? null,
    wipedOutAt: record.wipedOutAt ?? null,
    feedbackStatus: record.feedback?.status ?? null,
    feedbackReason: record.feedback?.reason ?? null,
    raw,
    contentHash: contentHash(raw),
    fetchedAt: new Date(),
  };
}

const TERMINAL = /^COMPLETED_/;

export function isTrustxTerminal(status: string): boolean {
  return TERMINAL.test(status);
}

export function mapTrustxInstance(
  instance: TProcessInstance & { processTokenParameters?: Record<string, unknown> | null },
  raw: { instance: unknown; userData: unknown },
): TExecutionRow {
  const label = instance.statusMapped ?? TRUSTX_STATUS_LABELS[instance.status] ?? null;
  const completed = isTrustxTerminal(instance.status) && instance.elapsedMilliseconds
    ? new Date(instance.createdAt.getTime() + instance.elapsedMilliseconds)
    : null;
  return {
    provider: "TRUSTX",
    id: instance.id,
    accountId: null,
    definition: instance.processDefnName ?? null,
    status: instance.status,
    decisionType: label,
    decisionLabel: label,
    riskScore: null,
    customerReference: text(instance.processTokenParameters?.referenceID),
    firstName: instance.firstName ?? null,
    lastName: instance.lastName ?? null,
    createdAt: instance.createdAt,
    completedAt: completed,
    wipedOutAt: null,
    feedbackStatus: null,
    feedbackReason: null,
    raw,
    contentHash: contentHash(raw),
    fetchedAt: new Date(),
  };
}

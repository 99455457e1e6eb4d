import { z } from "zod";
import { ZIdSchema, ZTypeSchema } from "../bounds";
import { absent, setAside, ZLenientListSchema, ZLenientPartSchema, ZOptionalTimeSchema, ZTimeSchema } from "../lenient";

// ISO-8601 by the contract; other offsets, no milliseconds, or epoch numbers are read as well.
const ZIsoSchema = ZTimeSchema;

export const ZJumioTokenSchema = z
  .object({ access_token: z.string().min(1), expires_in: absent(z.number().positive().default(3600)) })
  .transform((t) => ({ token: t.access_token, expiresInSeconds: t.expires_in }));

export const ZDecisionSchema = z.object({
  type: ZTypeSchema,
  details: z.object({ label: z.string().nullish() }).nullish(),
  risk: z.object({ score: z.number().nullish() }).nullish(),
});

export const ZExecutionListItemSchema = z.object({
  id: z.string().uuid(),
  status: ZTypeSchema,
  definitionKey: ZIdSchema.nullish(),
  createdAt: ZIsoSchema,
  completedAt: ZOptionalTimeSchema,
  account: z.object({ id: z.string().uuid() }),
  customerInternalReference: ZIdSchema.nullish(),
  decision: ZDecisionSchema.nullish(),
});
export type TExecutionListItem = z.output<typeof ZExecutionListItemSchema>;

export const ZExecutionListSchema = z.object({ workflowExecutions: ZLenientListSchema(ZExecutionListItemSchema) });

const ZCredentialRefSchema = z.object({ id: z.string(), category: z.string().nullish() });

export const ZCapabilitySchema = z.object({
  id: z.string(),
  credentials: absent(z.array(ZCredentialRefSchema).default([])),
  decision: ZDecisionSchema,
  data: absent(z.record(z.string(), z.unknown()).default({})),
});

export const ZPartSchema = z.object({ classifier: z.string(), href: z.string().nullish(), captureType: z.string().nullish() });

export const ZCredentialSchema = z.object({
  id: z.string(),
  category: z.string(),
  clientIp: z.string().nullish(),
  parts: absent(z.array(ZPartSchema).default([])),
  consent: z.record(z.string(), z.unknown()).nullish(),
});

export const FEEDBACK_STATUSES = ["NA", "FRAUD", "NOT_FRAUD"] as const;
export const FEEDBACK_REASONS = [
  "NA",
  "ACCOUNT_TAKEOVER",
  "COMPANY_POLICY",
  "FIRST_PARTY_FRAUD",
  "GOVERNMENT_REGULATIONS",
  "IDENTITY_FRAUD",
  "INSIDER_FRAUD",
  "MONEY_LAUNDERING",
  "PAYMENT_FRAUD",
  "PHISHING",
  "SYNTHETIC_ID_FRAUD",
  "THIRD_PARTY_FRAUD",
] as const;

/** Fraud feedback as Jumio takes it (contract §2.5): FRAUD needs a reason (NA counts, as Jumio accepts it). */
export const ZFeedbackSchema = z
  .object({ status: z.enum(FEEDBACK_STATUSES), reason: z.enum(FEEDBACK_REASONS).optional() })
  .refine((f) => f.status !== "FRAUD" || f.reason !== undefined, {
    message: "Choose a reason for FRAUD",
    path: ["reason"],
  });
export type TFeedback = z.infer<typeof ZFeedbackSchema>;

export const ZTransactionRecordSchema = z.object({
  workflow: z.object({
    id: z.string().uuid(),
    status: ZTypeSchema,
    definitionKey: ZIdSchema.nullish(),
    userReference: ZIdSchema.nullish(),
    customerInternalReference: ZIdSchema.nullish(),
  }),
  account: z.object({ id: z.string().uuid() }),
  createdAt: ZIsoSchema,
  startedAt: ZOptionalTimeSchema,
  completedAt: ZOptionalTimeSchema,
  wipedOutAt: ZOptionalTimeSchema,
  credentials: absent(z.array(ZCredentialSchema).default([])),
  decision: ZDecisionSchema.nullish(),
  steps: z.object({ href: z.string().nullish() }).nullish(),
  rules: z.object({ href: z.string().nullish() }).nullish(),
  capabilities: absent(z.record(z.string(), absent(z.array(ZCapabilitySchema).default([]))).default({})),
  // Feedback that cannot be read is set aside; the execution itself is still kept.
  feedback: ZLenientPartSchema(z.object({ status: ZTypeSchema, reason: ZTypeSchema.nullish() })),
  consent: z.record(z.string(), z.unknown()).nullish(),
  captureClient: z.record(z.string(), z.unknown()).nullish(),
}).transform(({ feedback, ...record }) => ({
  ...record,
  decision: record.decision ? { ...record.decision, details: { ...record.decision.details, label: transactionLabel(record.decision, record.workflow.status) } } : record.decision,
  feedback: feedback.value,
  setAside: setAside({ feedback: [feedback.invalid] }),
}));

/**
 * The transaction-level label equals the decision type, or the workflow status when nothing ran
 * (contract §2.3-2.4): a record sent without `decision.details` still has its label.
 */
function transactionLabel(decision: { type: string; details?: { label?: string | null } | null }, workflowStatus: string): string {
  // A PROCESSED execution whose checks did not run keeps NOT_EXECUTED as its label.
  return decision.details?.label ?? (decision.type === "NOT_EXECUTED" && workflowStatus !== "PROCESSED" ? workflowStatus : decision.type);
}
export type TTransactionRecord = z.output<typeof ZTransactionRecordSchema>;

// A step or rule without a name is kept (shown by its id); one that cannot be read at all is set aside.
export const ZStepSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  decision: ZDecisionSchema.nullish(),
  capabilities: absent(z.array(z.string()).default([])),
  credentials: absent(z.array(ZCredentialRefSchema).default([])),
  startedAt: ZOptionalTimeSchema,
  completedAt: ZOptionalTimeSchema,
});
export const ZStepsSchema = z
  .object({ steps: ZLenientListSchema(ZStepSchema) })
  .transform(({ steps }) => ({ steps: steps.valid, setAside: setAside({ steps: steps.invalid }) }));

// After a PII deletion a rule keeps only id, name and decision (contract §2.6).
export const ZRuleSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  result: z.string().nullish(),
  score: z.number().nullish(),
  decision: ZDecisionSchema.nullish(),
});
export const ZRulesSchema = z
  .object({ executions: ZLenientListSchema(ZRuleSchema) })
  .transform(({ executions }) => ({ executions: executions.valid, setAside: setAside({ rules: executions.invalid }) }));

export const ZExecutionStatusSchema = z.object({
  account: z.object({ id: ZIdSchema, href: z.string().nullish() }),
  workflowExecution: z.object({ id: ZIdSchema, href: z.string().nullish(), definitionKey: ZIdSchema.nullish(), status: ZTypeSchema }),
});

export const ZPdfLinkSchema = z.object({ presignedUrl: z.string().url() });
export const ZEmptySchema = z.object({}).passthrough();

/** Jumio's callback body (contract §2.7). Status and send time are part of the dedupe key. */
export const ZJumioCallbackSchema = z.object({
  callbackSentAt: ZTypeSchema,
  workflowExecution: z.object({ id: z.string().uuid(), href: z.string().nullish(), definitionKey: ZIdSchema.nullish(), status: ZTypeSchema }),
  account: z.object({ id: z.string().uuid(), href: z.string().nullish() }),
});

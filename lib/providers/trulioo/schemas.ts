import { z } from "zod";
import { MAX_TYPE, ZIdSchema, ZTypeSchema } from "../bounds";
import { absent, setAside, ZLenientListSchema, ZLooseTimeSchema, ZOptionalTimeSchema, ZTextSchema, ZTimeSchema } from "../lenient";

// Times are epoch ms in the sandbox; seconds, ms and ISO are all read (contract §0.2, "What a client tolerates").
export const ZEpochSchema = ZTimeSchema;

export const TRULIOO_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "ACCEPTED", "REJECTED", "PENDING_REVIEW", "ABANDONED"] as const;
export const STATUS_TARGETS = ["ACCEPTED", "REJECTED", "PENDING_REVIEW", "ABANDONED"] as const;
export type TStatusTarget = (typeof STATUS_TARGETS)[number];
export const LINK_TYPES = ["RELATES_TO", "DUPLICATE_OF", "OWNS", "OWNED_BY"] as const;
export type TLinkType = (typeof LINK_TYPES)[number];

/** The UI's "Declined" is REJECTED; unknown statuses are kept verbatim. */
export const ZTruliooStatusSchema = z
  .string()
  .min(1)
  .max(MAX_TYPE)
  .transform((s) => (s.toUpperCase() === "DECLINED" ? "REJECTED" : s));

/**
 * A Spring-style page. Only the items matter for correctness; the envelope's counters are optional
 * (a service may leave out `last` or `first`), and the end of the list is worked out by `pageEnded`.
 */
export function ZTruliooPageSchema<T extends z.ZodType>(item: T) {
  const count = absent(z.number().int().nonnegative().optional());
  return z.object({
    totalElements: count,
    totalPages: count,
    number: count,
    numberOfElements: count,
    first: absent(z.boolean().optional()),
    last: absent(z.boolean().optional()),
    data: absent(z.array(item).default([])),
  });
}

export const ZWorkflowSchema = z.object({
  id: ZIdSchema.min(1),
  name: absent(ZTextSchema.default("")),
  corporate: absent(z.boolean().default(false)),
  published: absent(z.boolean().default(false)),
  created: ZEpochSchema,
});
export type TWorkflow = z.output<typeof ZWorkflowSchema>;

export const ZClientSummarySchema = z.object({
  id: z.string().uuid(),
  ownerIds: absent(z.array(z.string()).default([])),
  created: ZEpochSchema,
  lastModified: ZEpochSchema,
  profileType: absent(ZTypeSchema.default("NORMAL")),
  status: ZTruliooStatusSchema,
  statusManuallyChanged: absent(z.boolean().default(false)),
  user: z.string().nullish(),
});
export type TClientSummary = z.output<typeof ZClientSummarySchema>;

// Roles whose first value the sync copies into an indexed column (profiles.country).
const INDEXED_ROLES = new Set(["address_country"]);

/**
 * A field's values: always an array of strings by the contract, but numbers or booleans inside it (an
 * age, a postcode) are kept as their text, a bare scalar is a one-item list, and null items are dropped.
 */
const ZFieldValuesSchema = z.unknown().transform((value, ctx) => {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    if (item === null || item === undefined) continue;
    if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") out.push(String(item));
    else {
      ctx.addIssue({ code: "custom", message: "a value is neither text, a number nor a boolean" });
      return z.NEVER;
    }
  }
  return out;
});

export const ZFieldSchema = z
  .object({
    id: ZIdSchema,
    name: absent(ZTextSchema.default("")),
    value: ZFieldValuesSchema,
    role: ZTypeSchema.nullish(),
    normalizedName: z.string().nullish(),
  })
  .refine((f) => !f.role || !INDEXED_ROLES.has(f.role) || f.value.every((v) => v.length <= MAX_TYPE), {
    message: `a value under this role is longer than ${MAX_TYPE} characters`,
    path: ["value"],
  });

export const ZTransactionInfoSchema = z
  .object({
    accountName: z.string().nullish(),
    accountIdentifier: z.string().nullish(),
    countryCode: ZTypeSchema.nullish(),
    date: z.string().nullish(),
    shareableToken: z.string().nullish(),
    transactionId: z.string().nullish(),
    transactionRecordId: ZIdSchema.nullish(),
    userName: z.string().nullish(),
  })
  .nullish();

export const ZServiceResultSchema = z.object({
  // Seconds by the contract; milliseconds are read too.
  timestamp: ZOptionalTimeSchema,
  serviceStatus: ZTypeSchema,
  nodeId: ZIdSchema,
  nodeTitle: z.string().nullish(),
  nodeType: z.string().nullish(),
  match: z.boolean().nullish(),
  secondaryMatch: z.boolean().nullish(),
  transactionInfo: ZTransactionInfoSchema,
  fullServiceDetails: z.record(z.string(), z.unknown()).nullish(),
});
export type TServiceResult = z.output<typeof ZServiceResultSchema>;

// Record keys are flow and element ids: parts of primary keys.
export const ZFlowDataSchema = z.object({
  id: ZIdSchema,
  completed: absent(z.boolean().default(false)),
  fieldData: absent(z.record(ZIdSchema, ZFieldSchema).default({})),
  // A file element without a file (null) has no key to keep.
  fileData: absent(z.record(ZIdSchema, z.string().nullable()).default({})).transform((files) => withoutNulls(files)),
  enhancedFileData: absent(z.record(ZIdSchema, absent(z.array(z.string()).default([]))).default({})),
  serviceData: absent(z.array(ZServiceResultSchema).default([])),
});
export type TFlowData = z.output<typeof ZFlowDataSchema>;

/** Notes and tasks carry ISO times (epoch numbers are read too); one that is not a date is kept as unknown. */
export const ZNoteSchema = z.object({ id: ZIdSchema, text: ZTextSchema, createdBy: z.string().nullish(), created: ZLooseTimeSchema });
export const ZTaskSchema = z.object({
  id: ZIdSchema,
  text: ZTextSchema,
  resolved: absent(z.boolean().default(false)),
  createdBy: z.string().nullish(),
  updatedBy: z.string().nullish(),
  created: ZLooseTimeSchema,
  updated: ZLooseTimeSchema,
});
export const ZLinkSchema = z.object({ from: z.string().uuid(), to: z.string().uuid(), type: ZTypeSchema });

/**
 * The client's record. Notes, tasks and links are read one by one: a malformed one is set aside
 * (`setAside`, with the raw item and what was wrong) and the rest of the record is kept.
 */
export const ZClientDetailsSchema = ZClientSummarySchema.extend({
  flowData: absent(z.record(ZIdSchema, ZFlowDataSchema).default({})),
  notes: ZLenientListSchema(ZNoteSchema),
  tasks: ZLenientListSchema(ZTaskSchema),
  links: ZLenientListSchema(ZLinkSchema),
}).transform(({ notes, tasks, links, ...client }) => ({
  ...client,
  notes: notes.valid,
  tasks: tasks.valid,
  links: links.valid,
  setAside: setAside({ notes: notes.invalid, tasks: tasks.invalid, links: links.invalid }),
}));
export type TClientDetails = z.output<typeof ZClientDetailsSchema>;

export const ZTokenResponseSchema = z.union([
  z.object({ access_token: z.string().min(1), expires_in: absent(z.number().positive().default(3600)) }).transform((t) => ({
    token: t.access_token,
    expiresInSeconds: t.expires_in,
  })),
  z.object({ Token: z.string().min(1), ExpiresIn: absent(z.number().positive().default(3600)) }).transform((t) => ({
    token: t.Token,
    expiresInSeconds: t.ExpiresIn,
  })),
]);

export const ZAckSchema = z.object({ message: z.string().nullish(), code: z.number().nullish() });

export const ZSignedUrlSchema = z
  .union([z.object({ url: z.string().url(), expiresAt: z.string().nullish() }), z.object({ signedUrl: z.string().url(), expiresAt: z.string().nullish() })])
  .transform((v) => ({ url: "url" in v ? v.url : v.signedUrl, expiresAt: v.expiresAt ? new Date(v.expiresAt) : null }));

function withoutNulls(files: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== null));
}

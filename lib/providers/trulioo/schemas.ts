import { z } from "zod";
import { MAX_TYPE, ZIdSchema, ZTypeSchema } from "../bounds";

/** Record times are epoch ms in the sandbox; values below 1e12 are read as seconds (contract §0.2). */
// Bounded to years 2001-5138 (seconds or ms): anything else is a malformed record, not a date.
export const ZEpochSchema = z
  .number()
  .refine((v) => Number.isFinite(v) && v >= 1e9 && v < 1e14, "not an epoch time")
  .transform((v) => new Date(v < 1e12 ? v * 1000 : v));
const ZEpochSecondsSchema = z
  .number()
  .refine((v) => Number.isFinite(v) && v >= 0 && v < 1e11, "not an epoch time in seconds")
  .transform((v) => new Date(v * 1000));
/** Notes and tasks carry ISO times; one that is not a date is kept as unknown rather than failing the record. */
const ZLooseIsoSchema = z
  .string()
  .nullish()
  .transform((v) => {
    const date = v ? new Date(v) : null;
    return date && !Number.isNaN(date.getTime()) ? date : null;
  });

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

export function ZTruliooPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    totalElements: z.number().int().nonnegative(),
    totalPages: z.number().int().nonnegative(),
    number: z.number().int().nonnegative(),
    numberOfElements: z.number().int().nonnegative(),
    first: z.boolean(),
    last: z.boolean(),
    data: z.array(item),
  });
}

export const ZWorkflowSchema = z.object({
  id: ZIdSchema.min(1),
  name: z.string(),
  corporate: z.boolean(),
  published: z.boolean(),
  created: ZEpochSchema,
});
export type TWorkflow = z.output<typeof ZWorkflowSchema>;

export const ZClientSummarySchema = z.object({
  id: z.string().uuid(),
  ownerIds: z.array(z.string()).default([]),
  created: ZEpochSchema,
  lastModified: ZEpochSchema,
  profileType: ZTypeSchema.default("NORMAL"),
  status: ZTruliooStatusSchema,
  statusManuallyChanged: z.boolean().default(false),
  user: z.string().nullish(),
});
export type TClientSummary = z.output<typeof ZClientSummarySchema>;

// Roles whose first value the sync copies into an indexed column (profiles.country).
const INDEXED_ROLES = new Set(["address_country"]);

export const ZFieldSchema = z
  .object({
    id: ZIdSchema,
    name: z.string(),
    value: z.array(z.string()),
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
  timestamp: ZEpochSecondsSchema.nullish(),
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
  completed: z.boolean().default(false),
  fieldData: z.record(ZIdSchema, ZFieldSchema).default({}),
  fileData: z.record(ZIdSchema, z.string()).default({}),
  enhancedFileData: z.record(ZIdSchema, z.array(z.string())).default({}),
  serviceData: z.array(ZServiceResultSchema).default([]),
});
export type TFlowData = z.output<typeof ZFlowDataSchema>;

export const ZNoteSchema = z.object({ id: ZIdSchema, text: z.string(), createdBy: z.string().nullish(), created: ZLooseIsoSchema });
export const ZTaskSchema = z.object({
  id: ZIdSchema,
  text: z.string(),
  resolved: z.boolean().default(false),
  createdBy: z.string().nullish(),
  updatedBy: z.string().nullish(),
  created: ZLooseIsoSchema,
  updated: ZLooseIsoSchema,
});
export const ZLinkSchema = z.object({ from: z.string().uuid(), to: z.string().uuid(), type: ZTypeSchema });

export const ZClientDetailsSchema = ZClientSummarySchema.extend({
  flowData: z.record(ZIdSchema, ZFlowDataSchema).default({}),
  notes: z.array(ZNoteSchema).default([]),
  tasks: z.array(ZTaskSchema).default([]),
  links: z.array(ZLinkSchema).default([]),
});
export type TClientDetails = z.output<typeof ZClientDetailsSchema>;

export const ZTokenResponseSchema = z.union([
  z.object({ access_token: z.string().min(1), expires_in: z.number().positive().default(3600) }).transform((t) => ({
    token: t.access_token,
    expiresInSeconds: t.expires_in,
  })),
  z.object({ Token: z.string().min(1), ExpiresIn: z.number().positive().default(3600) }).transform((t) => ({
    token: t.Token,
    expiresInSeconds: t.ExpiresIn,
  })),
]);

export const ZAckSchema = z.object({ message: z.string().nullish(), code: z.number().nullish() });

export const ZSignedUrlSchema = z
  .union([z.object({ url: z.string().url(), expiresAt: z.string().nullish() }), z.object({ signedUrl: z.string().url(), expiresAt: z.string().nullish() })])
  .transform((v) => ({ url: "url" in v ? v.url : v.signedUrl, expiresAt: v.expiresAt ? new Date(v.expiresAt) : null }));

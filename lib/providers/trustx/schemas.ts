import { z } from "zod";
import { MAX_ID, ZIdSchema, ZTypeSchema } from "../bounds";
import { absent, ZOptionalTimeSchema, ZTextSchema, ZTimeSchema } from "../lenient";

/** ISO strings (without an offset = UTC); epoch s/ms is accepted too (contract §0.2). */
export const ZTrustxTimeSchema = ZTimeSchema;

/** Some TrustX versions name an instance's creation time `createdDtm` (as on process tokens): read it as `createdAt`. */
function createdDtmAsCreatedAt(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const { createdDtm, ...rest } = value as Record<string, unknown>;
  return createdDtm !== undefined && rest.createdAt == null ? { ...rest, createdAt: createdDtm } : value;
}

export const ZTrustxTokenSchema = z
  .object({ token: z.string().min(1), ttl: z.number().positive().nullish() })
  .transform((t) => ({ token: t.token, expiresInSeconds: t.ttl ?? 3600 }));

export const TRUSTX_STATUS_LABELS: Record<string, string> = {
  ACTIVE: "In Progress",
  PENDING: "Pending",
  REVIEW: "Review",
  COMPLETED_ENDED_SUCCESS: "Accepted",
  COMPLETED_TERMINATED: "Abandoned",
  COMPLETED_ENDED_ERROR: "Declined",
  COMPLETED_PROCESS_ERROR: "Error",
};

const ZInstanceFieldsSchema = z.object({
  id: ZIdSchema.min(1),
  tenantId: ZIdSchema.nullish(),
  processDefnId: ZIdSchema.nullish(),
  processDefnName: ZIdSchema.nullish(),
  processDefnVersion: z.number().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  createdAt: ZTrustxTimeSchema,
  elapsedMilliseconds: z.number().nullish(),
  status: ZTypeSchema,
  statusMapped: ZTypeSchema.nullish(),
});
export const ZProcessInstanceSchema = z.preprocess(createdDtmAsCreatedAt, ZInstanceFieldsSchema);
export type TProcessInstance = z.output<typeof ZProcessInstanceSchema>;

const ZInstanceWithParametersFieldsSchema = ZInstanceFieldsSchema.extend({
  processTokenId: ZIdSchema.nullish(),
  // referenceID becomes the execution's (indexed) customer reference.
  processTokenParameters: z
    .record(z.string(), z.unknown())
    .refine((p) => typeof p.referenceID !== "string" || p.referenceID.length <= MAX_ID, {
      message: `referenceID is longer than ${MAX_ID} characters`,
      path: ["referenceID"],
    })
    .nullish(),
});
export const ZProcessInstanceWithParametersSchema = z.preprocess(createdDtmAsCreatedAt, ZInstanceWithParametersFieldsSchema);

export function ZSpringPageSchema<T extends z.ZodType>(item: T) {
  // Only the items matter for correctness: the counters are optional, the end comes from `pageEnded`.
  const count = absent(z.number().int().nonnegative().optional());
  return z.object({
    content: absent(z.array(item).default([])),
    number: count,
    size: count,
    totalElements: count,
    totalPages: count,
    numberOfElements: count,
    first: absent(z.boolean().optional()),
    last: absent(z.boolean().optional()),
  });
}

export const ZProcessTokenCreateSchema = z.object({
  name: z.string().min(1).max(50),
  description: z.string().max(2000).optional(),
  processDefnName: z.string().min(1).max(50),
  processDefnVersion: z.number().int().optional(),
  uiUrl: z.string().max(500).optional(),
  status: z.enum(["ACTIVE", "INACTIVE"]),
  type: z.enum(["UNLIMITED", "MULTI_USE_COUNT_LIMITED", "MULTI_USE_TIME_LIMITED"]),
  maxCount: z.number().int().positive().optional(),
  notBeforeDtm: z.string().optional(),
  notAfterDtm: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
});
export type TProcessTokenCreate = z.input<typeof ZProcessTokenCreateSchema>;

export const ZProcessTokenSchema = z.object({
  id: z.string().min(1),
  tenantId: z.string().nullish(),
  name: z.string(),
  processDefnName: z.string(),
  processDefnVersion: z.number().nullish(),
  uiUrl: z.string().nullish(),
  status: z.string(),
  type: z.string(),
  counter: z.number().nullish(),
  maxProcessDuration: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  forTest: z.boolean().nullish(),
  startProcessAddress: z.string().nullish(),
  createdDtm: ZOptionalTimeSchema,
  lastUpdatedDtm: ZOptionalTimeSchema,
  createdBy: z.string().nullish(),
  lastUpdatedBy: z.string().nullish(),
});

export const ZCreatedInstanceSchema = z.object({ redirectUrl: z.string(), processInstanceId: z.string() });

export const ZUserDataSchema = z.object({
  documents: absent(
    z
      .record(
        z.string(),
        z.object({
          documentType: z.string().nullish(),
          countryCode: z.string().nullish(),
          biographicData: absent(
            z
              .array(z.object({ fieldName: ZTextSchema, values: absent(z.record(z.string(), ZTextSchema.nullish()).default({})) }))
              .default([]),
          ),
        }),
      )
      .default({}),
  ),
  customData: z.record(z.string(), z.unknown()).nullish(),
});
export type TUserData = z.output<typeof ZUserDataSchema>;

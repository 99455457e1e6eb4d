import { z } from "zod";
import { MAX_ID, ZIdSchema, ZTypeSchema } from "../bounds";

/** ISO strings; epoch ms is accepted too (contract §0.2). */
export const ZTrustxTimeSchema = z.union([z.string().datetime({ offset: true }), z.number()]).transform((v) => new Date(v));

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

export const ZProcessInstanceSchema = z.object({
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
export type TProcessInstance = z.output<typeof ZProcessInstanceSchema>;

export const ZProcessInstanceWithParametersSchema = ZProcessInstanceSchema.extend({
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

export function ZSpringPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    content: z.array(item),
    number: z.number().int().nonnegative(),
    size: z.number().int().positive(),
    totalElements: z.number().int().nonnegative(),
    totalPages: z.number().int().nonnegative(),
    numberOfElements: z.number().int().nonnegative().nullish(),
    first: z.boolean().nullish(),
    last: z.boolean(),
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
  createdDtm: ZTrustxTimeSchema.nullish(),
  lastUpdatedDtm: ZTrustxTimeSchema.nullish(),
  createdBy: z.string().nullish(),
  lastUpdatedBy: z.string().nullish(),
});

export const ZCreatedInstanceSchema = z.object({ redirectUrl: z.string(), processInstanceId: z.string() });

export const ZUserDataSchema = z.object({
  documents: z
    .record(
      z.string(),
      z.object({
        documentType: z.string().nullish(),
        countryCode: z.string().nullish(),
        biographicData: z
          .array(z.object({ fieldName: z.string(), values: z.record(z.string(), z.string().nullish()).default({}) }))
          .default([]),
      }),
    )
    .default({}),
  customData: z.record(z.string(), z.unknown()).nullish(),
});
export type TUserData = z.output<typeof ZUserDataSchema>;

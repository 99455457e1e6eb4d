import { z } from "zod";

const ZKeyPartSchema = z.string().min(1).max(200).regex(/^[^\u0000-\u001f\u007f/\\]+$/);

/** A Trulioo file as our database names it: the profile, the flow, the form element and its place. */
export const ZTruliooFileRefSchema = z.object({
  profileId: z.string().uuid(),
  flowId: ZKeyPartSchema,
  elementId: ZKeyPartSchema,
  position: z.coerce.number().int().min(0).max(10_000),
  enhanced: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
  inline: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
});
export type TTruliooFileRef = z.output<typeof ZTruliooFileRefSchema>;

/** A Jumio credential image: the execution, the credential and its part (FRONT, BACK, FACE, …). */
export const ZJumioPartRefSchema = z.object({
  executionId: ZKeyPartSchema,
  credentialId: ZKeyPartSchema,
  classifier: z.string().regex(/^[A-Z0-9_]{1,40}$/),
  inline: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
});
export type TJumioPartRef = z.output<typeof ZJumioPartRefSchema>;

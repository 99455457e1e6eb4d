import { z } from "zod";

// The inputs of the three wipes. The confirmation the dialog asks to type is checked here too, so a
// replayed or hand-made request needs it just as the dialog does.

/** What an account wipe asks to type: it reaches every execution of that person at Jumio. */
export const WIPE_ALL = "WIPE ALL";

const ZReasonSchema = z.string().trim().min(3, "Say why this person's data is wiped (at least 3 characters).").max(500, "Keep the reason under 500 characters.");

const confirms = (typed: string, expected: string) => typed.trim().toLowerCase() === expected.toLowerCase();

export const ZWipeProfileSchema = z
  .object({ profileId: z.uuid(), confirmation: z.string().max(200), reason: ZReasonSchema })
  .refine((v) => confirms(v.confirmation, v.profileId), { message: "Type the profile's id exactly to confirm.", path: ["confirmation"] });
export type TWipeProfileInput = z.output<typeof ZWipeProfileSchema>;

export const ZWipeExecutionSchema = z
  .object({ executionId: z.string().min(1).max(200), confirmation: z.string().max(200), reason: ZReasonSchema })
  .refine((v) => confirms(v.confirmation, v.executionId), { message: "Type the execution's id exactly to confirm.", path: ["confirmation"] });
export type TWipeExecutionInput = z.output<typeof ZWipeExecutionSchema>;

export const ZWipeAccountSchema = z
  .object({ accountId: z.uuid(), confirmation: z.string().max(200), reason: ZReasonSchema })
  .refine((v) => v.confirmation.trim() === WIPE_ALL, { message: `Type ${WIPE_ALL} to confirm.`, path: ["confirmation"] });
export type TWipeAccountInput = z.output<typeof ZWipeAccountSchema>;

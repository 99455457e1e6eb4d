import { z } from "zod";
import { MAX_SECRET, ZIdSchema, ZTypeSchema } from "@/lib/providers/bounds";

export const ZTruliooHandshakeSchema = z.object({
  type: ZTypeSchema.refine((t) => t.toLowerCase() === "url_verification"),
  token: z.string().max(MAX_SECRET),
  challenge: z.string().max(MAX_SECRET),
});

// id is the dedupe key (a unique index); the user becomes the event's subject.
export const ZTruliooEventSchema = z.object({
  id: ZIdSchema.min(1),
  token: z.string().max(MAX_SECRET),
  type: ZTypeSchema,
  event: z.object({ type: ZTypeSchema, ts: z.number().nullish(), user: ZIdSchema.nullish() }),
  flowId: ZIdSchema.nullish(),
  userId: ZIdSchema.nullish(),
  test: z.boolean().nullish(),
  retry: z.number().nullish(),
});

/** Event types that change what we hold about the end client (contract §1.4); unknown types are stored and ignored. */
export const TRULIOO_EVENT_TYPES = new Set([
  "FLOW_START", "STEP_INIT", "STEP_SUBMIT", "SERVICE_INIT", "INTERMEDIATE_EVENT_RECEIVED", "SERVICE_SUBMIT",
  "INSTANT_SERVICE_SUBMIT", "SERVICE_TIMEOUT", "FLOW_END", "ABANDONED", "MANUALLY_ACCEPTED", "MANUALLY_REJECTED",
  "MANUALLY_PENDING_REVIEW", "MANUALLY_ABANDONED", "NOTE_ADDED", "TASK_ADDED", "TASK_DONE", "TASK_UNDONE",
]);

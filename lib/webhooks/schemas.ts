import { z } from "zod";

export const ZTruliooHandshakeSchema = z.object({
  type: z.string().refine((t) => t.toLowerCase() === "url_verification"),
  token: z.string(),
  challenge: z.string(),
});

export const ZTruliooEventSchema = z.object({
  id: z.string().min(1),
  token: z.string(),
  type: z.string(),
  event: z.object({ type: z.string(), ts: z.number().nullish(), user: z.string().nullish() }),
  flowId: z.string().nullish(),
  userId: z.string().nullish(),
  test: z.boolean().nullish(),
  retry: z.number().nullish(),
});

/** Event types that change what we hold about the end client (contract §1.4); unknown types are stored and ignored. */
export const TRULIOO_EVENT_TYPES = new Set([
  "FLOW_START", "STEP_INIT", "STEP_SUBMIT", "SERVICE_INIT", "INTERMEDIATE_EVENT_RECEIVED", "SERVICE_SUBMIT",
  "INSTANT_SERVICE_SUBMIT", "SERVICE_TIMEOUT", "FLOW_END", "ABANDONED", "MANUALLY_ACCEPTED", "MANUALLY_REJECTED",
  "MANUALLY_PENDING_REVIEW", "MANUALLY_ABANDONED", "NOTE_ADDED", "TASK_ADDED", "TASK_DONE", "TASK_UNDONE",
]);

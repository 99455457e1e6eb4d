import { z } from "zod";
import type { TRole } from "@/lib/auth/permissions";
import type { TAuditAction, TAuditTargetType } from "./catalogue";

export const ZAuditOutcomeSchema = z.enum(["SUCCESS", "DENIED", "FAILED"]);
export type TAuditOutcome = z.infer<typeof ZAuditOutcomeSchema>;

/** Who did it and from where; threaded from the action helper or the route. */
export type TAuditActor = {
  id: string | null;
  email: string | null;
  role: TRole | null;
};

export type TRequestContext = {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
};

export type TAuditEntry = {
  actor: TAuditActor;
  action: TAuditAction;
  outcome: TAuditOutcome;
  target?: { type: TAuditTargetType; id: string } | null;
  details?: Record<string, unknown>;
  request: TRequestContext;
};

export const SYSTEM_ACTOR: TAuditActor = { id: null, email: "system", role: null };

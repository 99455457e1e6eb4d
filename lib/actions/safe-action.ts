import "server-only";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db";
import { AppError, isAppError, type AppErrorCode } from "@/lib/errors";
import { getRequestContext } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import type { TAuditActor, TAuditEntry, TRequestContext } from "@/lib/audit/schemas";
import type { TAuditAction } from "@/lib/audit/catalogue";
import { getCurrentUser, recordDenied, refusePendingPasswordChange, type TCurrentUser } from "@/lib/auth/session";
import { can, type TPermission } from "@/lib/auth/permissions";
import { errorFields, log } from "@/lib/log";

export type TActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: AppErrorCode; message: string; fieldErrors?: Record<string, string[]> } };

export type TActionContext = {
  user: TCurrentUser;
  actor: TAuditActor;
  request: TRequestContext;
  db: Db;
  /** Audit entry for this actor and request; write it with recordAudit inside the change's transaction. */
  audit(entry: Omit<TAuditEntry, "actor" | "request">): TAuditEntry;
};

const NUL_MESSAGE = "The text holds a NUL character (\\0), which cannot be stored. Remove it and try again.";

/**
 * PostgreSQL cannot store NUL in text, so an input holding one failed at the database as a generic
 * "Something went wrong". Returns the top-level field holding one ("" when not under a field), or null.
 */
function firstNulField(raw: unknown): string | null {
  const stack: { value: unknown; field: string }[] = [{ value: raw, field: "" }];
  for (let seen = 0; stack.length > 0 && seen < 100_000; seen += 1) {
    const { value, field } = stack.pop()!;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return field;
    } else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        const top = field || (Array.isArray(value) ? "" : key);
        if (key.includes("\u0000")) return top;
        stack.push({ value: child, field: top });
      }
    }
  }
  return null;
}

/**
 * The only way to build a server action: it resolves the session, checks the declared permission
 * (a refusal is itself audited), parses the input with zod, and turns failures into a result the UI
 * can show. Unexpected errors are logged and reported generically, never leaked.
 */
export function authorizedAction<S extends z.ZodType, R>(
  config: {
    /** The audited action it performs (lib/audit/catalogue.ts); refusals are recorded under it. */
    name: TAuditAction;
    permission: TPermission;
    input: S;
    /** Only the change-password action: everything else refuses a user who holds a one-time password. */
    allowPendingPasswordChange?: true;
  },
  handler: (input: z.output<S>, ctx: TActionContext) => Promise<R>,
): (input: z.input<S>) => Promise<TActionResult<R>> {
  return async (raw) => {
    try {
      const user = await getCurrentUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      if (!config.allowPendingPasswordChange) await refusePendingPasswordChange(user, `action:${config.name}`);
      if (!can(user.role, config.permission)) {
        await recordDenied(user, config.permission, `action:${config.name}`);
        throw new AppError("FORBIDDEN", "Your role does not allow this action.");
      }
      const nul = firstNulField(raw);
      if (nul !== null) {
        return { ok: false, error: { code: "BAD_REQUEST", message: NUL_MESSAGE, fieldErrors: nul ? { [nul]: [NUL_MESSAGE] } : undefined } };
      }
      const parsed = config.input.safeParse(raw);
      if (!parsed.success) {
        const flat = z.flattenError(parsed.error);
        return {
          ok: false,
          error: {
            code: "BAD_REQUEST",
            message: parsed.error.issues[0]?.message ?? "Invalid input",
            fieldErrors: flat.fieldErrors as Record<string, string[]>,
          },
        };
      }
      const request = await getRequestContext();
      const actor: TAuditActor = { id: user.id, email: user.email, role: user.role };
      const ctx: TActionContext = {
        user,
        actor,
        request,
        db: getDb(),
        audit: (entry) => ({ ...entry, actor, request }),
      };
      return { ok: true, data: await handler(parsed.data, ctx) };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message } };
      log.error({ action: config.name, ...errorFields(error) }, "server action failed");
      return { ok: false, error: { code: "INTERNAL", message: "Something went wrong. It has been logged." } };
    }
  };
}

export { recordAudit };

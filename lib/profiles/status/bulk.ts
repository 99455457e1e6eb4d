import "server-only";
import { z } from "zod";
import { getPool } from "@/lib/db";
import { inTransaction } from "@/lib/db/sql";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAuditRows } from "@/lib/audit/record";
import type { TActionContext } from "@/lib/actions/safe-action";
import { insertJob } from "@/lib/jobs/records";
import { PROFILE_STATUS_LABELS } from "@/lib/profiles/list-shape";
import { profileConditions } from "@/lib/profiles/conditions";
import { profileList } from "@/lib/profiles/schemas";
import { sql, toQuery, where } from "@/lib/list/sql";
import { STATUS_TARGETS } from "@/lib/providers/trulioo/schemas";
import { BULK_STATUS_JOB, type TBulkStatusPayload } from "./bulk-job";
import { checkTransition, reasonRequired, type TStatusTarget } from "./transitions";

/** Which profiles: the ids picked on the page, or every profile matching the list's filter (its URL query). */
export const ZSelectionSchema = z.union([
  z.object({ ids: z.array(z.uuid()).min(1, "Select at least one profile.").max(10_000, "Select at most 10,000 profiles, or use “all matching”.") }),
  z.object({ query: z.string().max(4000) }),
]);
export type TSelection = z.output<typeof ZSelectionSchema>;

// The most one request may change; a larger change is several filters.
const MAX_BULK = 100_000;

export const ZBulkStatusRequestSchema = z
  .object({ selection: ZSelectionSchema, status: z.enum(STATUS_TARGETS), reason: z.string().trim().max(500).optional() })
  .refine((v) => !reasonRequired(v.status) || Boolean(v.reason), { message: "Give a reason for rejecting.", path: ["reason"] });

/** The ids and current statuses of a selection, resolved now on the server (never trusted from the page). */
async function resolveSelection(selection: TSelection): Promise<{ id: string; status: string }[]> {
  const pool = getPool();
  if ("ids" in selection) {
    const { rows } = await pool.query<{ id: string; status: string }>("SELECT id::text, status FROM profiles WHERE id = ANY($1::uuid[]) ORDER BY id", [selection.ids]);
    return rows;
  }
  const { params } = profileList.parse(new URLSearchParams(selection.query));
  const query = toQuery(sql`SELECT p.id::text AS id, p.status FROM profiles p ${where(profileConditions(params))} ORDER BY p.id LIMIT ${MAX_BULK + 1}`);
  const { rows } = await pool.query<{ id: string; status: string }>(query.text, query.values);
  if (rows.length > MAX_BULK) throw new AppError("BAD_REQUEST", `More than ${MAX_BULK.toLocaleString("en")} profiles match; narrow the filter.`);
  return rows;
}

export type TBulkPreview = {
  total: number;
  /** Will be sent, by current status. */
  byStatus: { status: string; label: string; count: number }[];
  /** Already in the target status: sent anyway (a no-op upstream), so the result is on record. */
  unchanged: number;
  /** Refused by the contract's transition rules before anything is sent. */
  refused: { status: string; label: string; count: number; reason: string }[];
  needsApproval: boolean;
  threshold: number;
};

function plan(rows: { id: string; status: string }[], to: TStatusTarget) {
  return rows.map((r) => ({ ...r, check: checkTransition(r.status, to) }));
}

/** What a bulk change would do, for the confirmation dialog. */
export async function previewBulkStatus(selection: TSelection, to: TStatusTarget): Promise<TBulkPreview> {
  const planned = plan(await resolveSelection(selection), to);
  const count = (rows: typeof planned) => {
    const by = new Map<string, number>();
    for (const r of rows) by.set(r.status, (by.get(r.status) ?? 0) + 1);
    return [...by].map(([status, n]) => ({ status, label: PROFILE_STATUS_LABELS[status] ?? status, count: n })).sort((a, b) => b.count - a.count);
  };
  const sendable = planned.filter((r) => r.check.ok);
  const refused = planned.filter((r) => !r.check.ok);
  const threshold = getEnv().BULK_APPROVAL_THRESHOLD;
  return {
    total: planned.length,
    byStatus: count(sendable),
    unchanged: sendable.filter((r) => r.check.ok && r.check.noop).length,
    refused: count(refused).map((r) => ({ ...r, reason: (checkTransition(r.status, to) as { reason: string }).reason })),
    needsApproval: threshold > 0 && sendable.length > threshold,
    threshold,
  };
}

/**
 * Asks for a bulk change: a job over the selection as it is now, with the ids the rules refuse already
 * closed with why. Over the four-eyes threshold it waits for a second manager; otherwise it is queued.
 * The request is one audit row; each profile gets its own when its chunk is done.
 */
export async function requestBulkStatus(
  ctx: TActionContext,
  input: z.output<typeof ZBulkStatusRequestSchema>,
  options: { retryOfId?: string; /** BULK_APPROVAL_THRESHOLD unless given. */ threshold?: number } = {},
) {
  const planned = plan(await resolveSelection(input.selection), input.status);
  if (planned.length === 0) throw new AppError("BAD_REQUEST", "No profile matches that selection.");
  const sendable = planned.filter((r) => r.check.ok).length;
  const threshold = options.threshold ?? getEnv().BULK_APPROVAL_THRESHOLD;
  const awaitingApproval = threshold > 0 && sendable > threshold;
  const payload: TBulkStatusPayload = { status: input.status, reason: input.reason ?? null };
  const label = PROFILE_STATUS_LABELS[input.status] ?? input.status;
  const jobId = await inTransaction(getPool(), async (client) => {
    const id = await insertJob(client, {
      kind: BULK_STATUS_JOB,
      title: `Set ${planned.length.toLocaleString("en")} ${planned.length === 1 ? "profile" : "profiles"} to ${label}`,
      payload,
      requester: { id: ctx.user.id, email: ctx.user.email, role: ctx.user.role },
      request: ctx.request,
      awaitingApproval,
      retryOfId: options.retryOfId ?? null,
      items: planned.map((r) => ({ subjectId: r.id, before: r.status, skip: r.check.ok ? undefined : { code: "rules", message: r.check.reason } })),
    });
    await recordAuditRows(client, [
      ctx.audit({
        action: "profiles.bulk_status",
        outcome: "SUCCESS",
        target: { type: "job", id },
        details: { to: input.status, reason: input.reason ?? null, total: planned.length, refusedByRules: planned.length - sendable, awaitingApproval, ...(options.retryOfId ? { retryOf: options.retryOfId } : {}) },
      }),
      // "Retry the failed ones" (lib/jobs/decisions.ts) is its own event, committed with the job it made.
      ...(options.retryOfId
        ? [ctx.audit({ action: "job.retry", outcome: "SUCCESS", target: { type: "job", id }, details: { retryOf: options.retryOfId, total: planned.length } })]
        : []),
    ]);
    return id;
  });
  return { jobId, awaitingApproval, total: planned.length, refusedByRules: planned.length - sendable };
}

import "server-only";
import { getPool } from "@/lib/db";
import { inTransaction } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { recordAuditRows } from "@/lib/audit/record";
import type { TActionContext } from "@/lib/actions/safe-action";
import { executionConditions } from "@/lib/executions/queries";
import { executionList } from "@/lib/executions/schemas";
import { insertJob } from "@/lib/jobs/records";
import { sql, toQuery, where } from "@/lib/list/sql";
import { MAX_PDF_EXPORT, PDF_EXPORT_JOB, PDF_SKIP_REASONS, type TPdfExportPayload, type TPdfSelection, type TPdfSkipReason } from "./pdf-schemas";

type TPlanned = { provider: "JUMIO" | "TRUSTX"; id: string; skip: TPdfSkipReason | null };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** The executions of a selection, resolved now on the server, oldest first; over the cap is refused. */
async function resolveSelection(selection: TPdfSelection): Promise<TPlanned[]> {
  const conditions =
    "ids" in selection
      ? [sql`e.id = ANY(${selection.ids}::text[])`]
      : "query" in selection
        ? executionConditions(executionList.parse(new URLSearchParams(selection.query)).params)
        : executionConditions({ filters: { createdFrom: selection.createdFrom, createdTo: selection.createdTo }, q: "" });
  const query = toQuery(
    sql`SELECT e.provider::text AS provider, e.id, e.account_id IS NOT NULL AS "hasAccount", e.wiped_out_at IS NOT NULL AS wiped
        FROM executions e ${where(conditions)} ORDER BY e.created_at, e.provider, e.id LIMIT ${MAX_PDF_EXPORT + 1}`,
  );
  const { rows } = await getPool().query<{ provider: "JUMIO" | "TRUSTX"; id: string; hasAccount: boolean; wiped: boolean }>(query.text, query.values);
  if (rows.length > MAX_PDF_EXPORT) {
    throw new AppError("BAD_REQUEST", `More than ${MAX_PDF_EXPORT.toLocaleString("en")} executions match; narrow the filter or the dates.`);
  }
  return rows.map((r) => ({
    provider: r.provider,
    id: r.id,
    skip: r.provider === "TRUSTX" ? "trustx" : r.wiped ? "wiped" : !r.hasAccount ? "no_account" : null,
  }));
}

export type TPdfExportPreview = { total: number; pdfs: number; trustx: number; wiped: number; noAccount: number; max: number };

function summarise(planned: TPlanned[]): Omit<TPdfExportPreview, "max"> {
  const count = (reason: TPdfSkipReason | null) => planned.filter((p) => p.skip === reason).length;
  return { total: planned.length, pdfs: count(null), trustx: count("trustx"), wiped: count("wiped"), noAccount: count("no_account") };
}

/** What an export would hold, for the dialog: how many PDFs, and how many executions go in the index without one. */
export async function previewPdfExport(selection: TPdfSelection): Promise<TPdfExportPreview> {
  return { ...summarise(await resolveSelection(selection)), max: MAX_PDF_EXPORT };
}

/** The selection as the audit row states it: the filter or the range exactly, or how many ids. */
function describeSelection(selection: TPdfSelection): Record<string, unknown> {
  if ("ids" in selection) return { ids: selection.ids.length };
  if ("query" in selection) return { filter: selection.query };
  return { createdFrom: selection.createdFrom, createdTo: selection.createdTo };
}

/**
 * Asks for a PDF export: a job over the selection as it is now, oldest first. Executions that have no
 * PDF (TrustX, wiped, no Jumio account) are items closed at once with why, so the index lists every
 * execution asked for. The request and what it covers is one audit row, committed with the job.
 */
export async function requestPdfExport(ctx: TActionContext, input: { selection: TPdfSelection }, options: { retryOfId?: string } = {}) {
  const planned = await resolveSelection(input.selection);
  if (planned.length === 0) throw new AppError("BAD_REQUEST", "No execution matches that selection.");
  const summary = summarise(planned);
  if (summary.pdfs === 0) throw new AppError("BAD_REQUEST", "None of these executions has a PDF (only Jumio executions that are not wiped do).");
  const payload: TPdfExportPayload = { selection: input.selection };
  const jobId = await inTransaction(getPool(), async (client) => {
    const id = await insertJob(client, {
      kind: PDF_EXPORT_JOB,
      title: `Transaction PDFs of ${plural(planned.length, "execution")} (ZIP)`,
      payload,
      requester: { id: ctx.user.id, email: ctx.user.email, role: ctx.user.role },
      request: ctx.request,
      awaitingApproval: false,
      retryOfId: options.retryOfId ?? null,
      // `before` holds the provider: ids are unique per provider only, and the index joins on both.
      items: planned.map((p) => ({ subjectId: p.id, before: p.provider, skip: p.skip ? { code: p.skip, message: PDF_SKIP_REASONS[p.skip] } : undefined })),
    });
    await recordAuditRows(client, [
      ctx.audit({
        action: "exports.pdf_zip",
        outcome: "SUCCESS",
        target: { type: "job", id },
        details: { selection: describeSelection(input.selection), ...summary, ...(options.retryOfId ? { retryOf: options.retryOfId } : {}) },
      }),
      ...(options.retryOfId
        ? [ctx.audit({ action: "job.retry", outcome: "SUCCESS", target: { type: "job", id }, details: { retryOf: options.retryOfId, total: planned.length } })]
        : []),
    ]);
    return id;
  });
  return { jobId, ...summary };
}

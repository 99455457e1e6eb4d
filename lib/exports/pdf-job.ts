import { createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { getWorkerEnv } from "@/lib/env";
import { recordAuditRows } from "@/lib/audit/record";
import { defineJob, TemporaryJobError, type TItemOutcome, type TJobContext, type TJobItem } from "@/lib/jobs/define";
import { ProviderAuthError, ProviderDisabledError, ProviderHttpError, ProviderResponseError } from "@/lib/providers/errors";
import { temporaryFailure } from "@/lib/jobs/temporary";
import { mapLimit } from "@/lib/sync/concurrency";
import { PDF_EXPORT_JOB, pdfEntryName, ZPdfExportPayloadSchema, type TPdfExportPayload } from "./pdf-schemas";
import { buildPdfZip } from "./pdf-zip";
import { exportsRoot, jobWorkDir, partPath } from "./storage";

// Transaction PDFs as a ZIP (issue 16). Each chunk fetches its executions' PDFs into the job's own
// work directory, one file per item named by its seq; `finish` streams the ZIP from those files and
// the index. A file is renamed into place only once complete, so after a crash "the file exists" is
// exactly "this PDF was fetched": a resumed job fetches only what is missing and still ends whole.

type TCtx = TJobContext<TPdfExportPayload>;

// Items per chunk: one commit (outcomes + audit rows) per this many PDFs.
const CHUNK = 25;

type TFetched = { outcome: TItemOutcome } | { temporary: TemporaryJobError };

const root = () => exportsRoot(getWorkerEnv().EXPORTS_DIR);

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function startsAsPdf(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await handle.read(head, 0, 5, 0);
    return bytesRead === 5 && head.toString("latin1") === "%PDF-";
  } finally {
    await handle.close();
  }
}

/** What one failure means: wait and go again (the moment), or this execution's PDF failed (it, not the job). */
function classify(error: unknown): { temporary: TemporaryJobError } | { failed: { code: string | null; message: string } } {
  const temporary = temporaryFailure(error);
  if (temporary) return { temporary };
  if (error instanceof ProviderHttpError) {
    const words = error.upstreamMessage ?? error.message;
    return { failed: { code: String(error.status), message: `Jumio answered ${error.status}: ${words}`.slice(0, 500) } };
  }
  if (error instanceof ProviderResponseError) return { failed: { code: "response", message: error.message.slice(0, 500) } };
  if (error instanceof ProviderAuthError || error instanceof ProviderDisabledError) throw error;
  // A PDF's body that stops halfway ("terminated") is the moment too, not the execution.
  if (error instanceof Error && /terminated/i.test(error.message)) return { temporary: new TemporaryJobError(error.message) };
  throw error;
}

async function fetchOne(ctx: TCtx, item: TJobItem, accountId: string | undefined): Promise<TFetched> {
  const target = partPath(root(), ctx.job.id, item.seq);
  const done: TItemOutcome = { seq: item.seq, state: "DONE", message: pdfEntryName(item.subjectId) };
  // Fetched before a crash or a retried chunk: kept, not fetched again.
  if (await exists(target)) return { outcome: done };
  if (!accountId) return { outcome: { seq: item.seq, state: "FAILED", code: "gone", message: "no longer on record as a Jumio execution with an account" } };
  const jumio = ctx.clients.jumio;
  if (!jumio) throw new ProviderDisabledError("jumio");
  const temporary = `${target}.${ctx.workerId.replace(/[^A-Za-z0-9]/g, "_")}.tmp`;
  try {
    const download = await jumio.streamPdf(accountId, item.subjectId);
    await pipeline(Readable.fromWeb(download.body as NodeReadableStream<Uint8Array>), createWriteStream(temporary));
    if (!(await startsAsPdf(temporary))) {
      await rm(temporary, { force: true });
      return { outcome: { seq: item.seq, state: "FAILED", code: "not_pdf", message: "Jumio did not send a PDF" } };
    }
    await rename(temporary, target);
    return { outcome: done };
  } catch (error) {
    await rm(temporary, { force: true });
    const kind = classify(error);
    return "temporary" in kind ? kind : { outcome: { seq: item.seq, state: "FAILED", ...kind.failed } };
  }
}

/** One chunk: its PDFs fetched a few at a time (PDF_EXPORT_DOWNLOADS); a moment's failure retries the chunk. */
async function send(ctx: TCtx, items: TJobItem[]): Promise<TItemOutcome[]> {
  await mkdir(jobWorkDir(root(), ctx.job.id), { recursive: true });
  const { rows } = await ctx.pool.query<{ id: string; account_id: string }>(
    "SELECT id, account_id FROM executions WHERE provider = 'JUMIO' AND id = ANY($1::text[]) AND account_id IS NOT NULL",
    [items.map((i) => i.subjectId)],
  );
  const accounts = new Map(rows.map((r) => [r.id, r.account_id]));
  const fetched = await mapLimit(items, getWorkerEnv().PDF_EXPORT_DOWNLOADS, (item) => fetchOne(ctx, item, accounts.get(item.subjectId)));
  // The files already fetched stay: the chunk's next attempt keeps them and fetches only the rest.
  const temporary = fetched.find((f): f is { temporary: TemporaryJobError } => "temporary" in f);
  if (temporary) throw temporary.temporary;
  return fetched.map((f) => (f as { outcome: TItemOutcome }).outcome);
}

/** A chunk a dead worker left: what it finished is on disk (renamed only when whole); the rest goes again. */
async function reconcile(ctx: TCtx, items: TJobItem[]) {
  const settled: TItemOutcome[] = [];
  const resend: number[] = [];
  for (const item of items) {
    if (await exists(partPath(root(), ctx.job.id, item.seq))) settled.push({ seq: item.seq, state: "DONE", message: pdfEntryName(item.subjectId) });
    else resend.push(item.seq);
  }
  return { settled, resend };
}

export const pdfExportJob = defineJob<TPdfExportPayload>({
  kind: PDF_EXPORT_JOB,
  payload: ZPdfExportPayloadSchema,
  // An export never waits for four eyes (it changes nothing); the field is required of every kind.
  approvers: ["ADMIN"],
  requestPermission: "exports.pdf",
  async retry(ctx, job, failedSubjectIds) {
    // Loaded on use: the request path is the web app's; the worker never needs it.
    const { requestPdfExport } = await import("./pdf-request");
    const created = await requestPdfExport(ctx, { selection: { ids: failedSubjectIds } }, { retryOfId: job.id });
    return { jobId: created.jobId };
  },
  items: {
    chunkSize: CHUNK,
    concurrency: () => getWorkerEnv().PDF_EXPORT_CONCURRENCY,
    send,
    reconcile,
    // Each PDF that went into the export (or failed to) is an audit row on its execution, committed with its outcome.
    async commit(ctx, client, items, outcomes) {
      const itemOf = new Map(items.map((i) => [i.seq, i]));
      await recordAuditRows(
        client,
        outcomes.map((o) => ({
          actor: ctx.actor,
          request: ctx.request,
          action: "execution.pdf" as const,
          outcome: o.state === "DONE" ? ("SUCCESS" as const) : ("FAILED" as const),
          target: { type: "execution" as const, id: itemOf.get(o.seq)!.subjectId },
          details: o.state === "DONE" ? { kind: "zip_entry", jobId: ctx.job.id, file: o.message } : { kind: "zip_entry", jobId: ctx.job.id, reason: o.message },
        })),
      );
    },
  },
  finish: (ctx) => buildPdfZip(ctx, root(), getWorkerEnv().EXPORT_RETENTION_HOURS),
});


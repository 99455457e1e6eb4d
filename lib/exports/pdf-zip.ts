import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { recordAuditRows } from "@/lib/audit/record";
import { inTransaction } from "@/lib/db/sql";
import type { TJobContext } from "@/lib/jobs/define";
import { csvHeader, csvLine, type TCsvColumn } from "@/lib/list/csv";
import { INDEX_ENTRY, pdfEntryName, type TPdfExportPayload } from "./pdf-schemas";
import { artifactRelativePath, jobWorkDir, partPath, resolveArtifact } from "./storage";
import { writeZip, ZIP_MAX_BYTES, type TZipEntry } from "./zip";

type TIndexRow = {
  seq: number;
  executionId: string;
  provider: string | null;
  state: string;
  message: string | null;
  clientId: string | null;
  decision: string | null;
  status: string | null;
  createdAt: Date | null;
  completedAt: Date | null;
};

const OUTCOME: Record<string, string> = { DONE: "included", FAILED: "failed", SKIPPED: "no PDF" };

/** The index: one line per execution asked for, in the job's order, with its file or why it has none. */
const INDEX_COLUMNS: TCsvColumn<TIndexRow>[] = [
  { header: "execution_id", value: (r) => r.executionId },
  { header: "provider", value: (r) => r.provider },
  // The Trulioo client the execution belongs to: the linked profile, else the reference the provider holds.
  { header: "client_id", value: (r) => r.clientId },
  { header: "decision", value: (r) => r.decision },
  { header: "status", value: (r) => r.status },
  { header: "created_at", value: (r) => r.createdAt },
  { header: "completed_at", value: (r) => r.completedAt },
  { header: "file_name", value: (r) => (r.state === "DONE" ? pdfEntryName(r.executionId) : null) },
  { header: "outcome", value: (r) => OUTCOME[r.state] ?? r.state },
  { header: "reason", value: (r) => (r.state === "DONE" ? null : r.message) },
];

/**
 * The job's finish: the ZIP of every fetched PDF plus index.csv, then the artifact on the job row with
 * the audit row saying what went in, in one transaction; the work directory goes last. Run again after
 * a crash, it finds the artifact recorded and only tidies up, or builds it again from the same files.
 */
export async function buildPdfZip(ctx: TJobContext<TPdfExportPayload>, root: string, retentionHours: number): Promise<void> {
  const jobId = ctx.job.id;
  const recorded = await ctx.pool.query<{ artifact_expires_at: Date | null }>("SELECT artifact_expires_at FROM jobs WHERE id = $1::uuid", [jobId]);
  if (recorded.rows[0]?.artifact_expires_at) {
    await rm(jobWorkDir(root, jobId), { recursive: true, force: true });
    return;
  }
  const { rows } = await ctx.pool.query<TIndexRow>(
    `SELECT i.seq, i.subject_id AS "executionId", i.before AS provider, i.state::text AS state, i.message,
       coalesce(e.profile_id::text, e.customer_reference) AS "clientId", e.decision_type AS decision, e.status,
       e.created_at AS "createdAt", e.completed_at AS "completedAt"
     FROM job_items i LEFT JOIN executions e ON e.provider::text = i.before AND e.id = i.subject_id
     WHERE i.job_id = $1::uuid ORDER BY i.seq`,
    [jobId],
  );
  const pdfs: TZipEntry[] = [];
  let bytes = 0;
  for (const row of rows.filter((r) => r.state === "DONE")) {
    const file = partPath(root, jobId, row.seq);
    const size = await stat(file).then((s) => s.size, () => null);
    if (size === null) throw new Error(`The fetched PDF of execution ${row.executionId} is missing from the job's work directory.`);
    bytes += size;
    pdfs.push({ name: pdfEntryName(row.executionId), path: file, mtime: row.completedAt ?? row.createdAt ?? undefined });
  }
  if (bytes > ZIP_MAX_BYTES) {
    throw new Error(`The PDFs add up to ${(bytes / 2 ** 30).toFixed(1)} GiB, more than one ZIP can hold (4 GiB); export smaller date ranges.`);
  }
  const index = csvHeader(INDEX_COLUMNS) + rows.map((r) => csvLine(INDEX_COLUMNS, r)).join("");
  // The index first: whoever opens the archive sees what it holds before the files.
  const entries: TZipEntry[] = [{ name: INDEX_ENTRY, data: new TextEncoder().encode(`\uFEFF${index}`) }, ...pdfs];
  const relative = artifactRelativePath(jobId);
  const target = resolveArtifact(root, relative)!;
  await mkdir(path.dirname(target), { recursive: true });
  const written = await writeZip(target, entries);
  const count = (state: string) => rows.filter((r) => r.state === state).length;
  await inTransaction(ctx.pool, async (client) => {
    const { rows: set } = await client.query<{ artifact_expires_at: Date }>(
      `UPDATE jobs SET artifact_path = $2, artifact_bytes = $3, artifact_expires_at = now() + make_interval(secs => $4::double precision)
       WHERE id = $1::uuid RETURNING artifact_expires_at`,
      [jobId, relative, written.bytes, retentionHours * 3600],
    );
    await recordAuditRows(client, [
      {
        actor: ctx.actor,
        request: ctx.request,
        action: "exports.pdf_zip_ready",
        outcome: "SUCCESS",
        target: { type: "job", id: jobId },
        details: {
          executions: rows.length,
          pdfs: count("DONE"),
          failed: count("FAILED"),
          withoutPdf: count("SKIPPED"),
          bytes: written.bytes,
          expiresAt: set[0]?.artifact_expires_at.toISOString() ?? null,
        },
      },
    ]);
  });
  ctx.log(`job ${jobId}: ZIP of ${count("DONE")} PDFs (${count("FAILED")} failed, ${count("SKIPPED")} without one), ${written.bytes} bytes`);
  await rm(jobWorkDir(root, jobId), { recursive: true, force: true });
}

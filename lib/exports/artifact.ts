import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { z } from "zod";
import { getDb, getPool } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { getRequestContext } from "@/lib/audit/context";
import type { TCurrentUser } from "@/lib/auth/session";
import { contentDisposition } from "@/lib/files/sniff";
import { PDF_EXPORT_JOB } from "./pdf-schemas";
import { exportsRoot, resolveArtifact } from "./storage";

const ZJobRefSchema = z.object({ jobId: z.uuid() });

type TArtifactRow = { id: string; kind: string; created_at: Date; artifact_path: string | null; artifact_bytes: string | null; artifact_expires_at: Date | null; done: number; failed: number; skipped: number };

/**
 * A job's finished ZIP, streamed from disk. Any holder of exports.pdf may download any export (auditors
 * review each other's; each could make the same export anyway), and every download is an audit event
 * naming the job and what the ZIP holds. Past its retention it answers 410, even before the sweep ran.
 */
export async function jobArtifactResponse(user: TCurrentUser, params: Record<string, string>): Promise<Response> {
  const parsed = ZJobRefSchema.safeParse(params);
  if (!parsed.success) throw new AppError("NOT_FOUND", "No such job.");
  const { rows } = await getPool().query<TArtifactRow>(
    `SELECT id::text, kind, created_at, artifact_path, artifact_bytes::text, artifact_expires_at, done, failed, skipped FROM jobs WHERE id = $1::uuid`,
    [parsed.data.jobId],
  );
  const job = rows[0];
  if (!job || job.kind !== PDF_EXPORT_JOB) throw new AppError("NOT_FOUND", "No export has that job id.");
  if (job.artifact_expires_at && job.artifact_expires_at <= new Date()) throw new AppError("GONE", "This export has expired and was removed; ask for it again.");
  if (!job.artifact_path) throw new AppError("CONFLICT", "This export is not ready yet.");
  const root = exportsRoot(getEnv().EXPORTS_DIR);
  const file = resolveArtifact(root, job.artifact_path);
  const size = file ? await stat(file).then((s) => s.size, () => null) : null;
  if (!file || size === null) throw new AppError("GONE", "This export's file is no longer on disk; ask for it again.");
  const name = `transaction-pdfs-${job.created_at.toISOString().slice(0, 10)}-${job.id.slice(0, 8)}`;
  await recordAudit(getDb(), {
    actor: { id: user.id, email: user.email, role: user.role },
    action: "exports.pdf_zip_download",
    outcome: "SUCCESS",
    target: { type: "job", id: job.id },
    details: { pdfs: job.done, failed: job.failed, withoutPdf: job.skipped, bytes: size },
    request: await getRequestContext(),
  });
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(size),
      "Content-Disposition": contentDisposition("attachment", name, "zip"),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}

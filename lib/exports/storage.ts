import path from "node:path";
import { z } from "zod";

// Where exports live on disk, under EXPORTS_DIR:
//   work/<jobId>/<seq>.pdf      the PDFs a job has fetched so far (kept across a worker's crash)
//   artifacts/<jobId>.zip       the finished archive the Jobs page offers, until retention removes it
// Paths are derived from the job id alone (a uuid, checked), never from anything a user typed.

const ZJobIdSchema = z.uuid();

export function exportsRoot(dir: string): string {
  return path.resolve(dir);
}

export function jobWorkDir(root: string, jobId: string): string {
  return path.join(root, "work", ZJobIdSchema.parse(jobId));
}

export function partPath(root: string, jobId: string, seq: number): string {
  return path.join(jobWorkDir(root, jobId), `${z.number().int().min(0).parse(seq)}.pdf`);
}

/** What the jobs row stores: relative to the root, so the app and the worker may resolve it each their own way. */
export function artifactRelativePath(jobId: string): string {
  return path.posix.join("artifacts", `${ZJobIdSchema.parse(jobId)}.zip`);
}

/** A stored relative path made absolute, refused when it would leave the root (a tampered row). */
export function resolveArtifact(root: string, relative: string): string | null {
  const full = path.resolve(root, relative);
  return full.startsWith(`${root}${path.sep}`) ? full : null;
}

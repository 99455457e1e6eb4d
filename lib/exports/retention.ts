import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { SqlPool } from "@/lib/db";
import { jobWorkDir, resolveArtifact } from "./storage";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Retention (EXPORT_RETENTION_HOURS): an artifact past its time is deleted and its row loses the path
 * (size and expiry stay, so the Jobs page says "expired"). Work directories of jobs that will never
 * finish (cancelled, failed, gone) and half-written ZIPs of no running job go too. Run by the worker's
 * periodic check; harmless to run twice at once.
 */
export async function sweepExports(pool: SqlPool, root: string, log: (line: string) => void): Promise<{ expired: number; workDirs: number }> {
  const { rows } = await pool.query<{ id: string; artifact_path: string }>(
    "SELECT id::text, artifact_path FROM jobs WHERE artifact_path IS NOT NULL AND artifact_expires_at <= now() ORDER BY artifact_expires_at LIMIT 500",
  );
  for (const row of rows) {
    const file = resolveArtifact(root, row.artifact_path);
    if (file) await rm(file, { force: true });
    await pool.query("UPDATE jobs SET artifact_path = NULL WHERE id = $1::uuid AND artifact_path = $2", [row.id, row.artifact_path]);
    log(`export of job ${row.id} expired and was removed`);
  }
  const names = async (dir: string) => readdir(path.join(root, dir)).catch(() => [] as string[]);
  const work = (await names("work")).filter((n) => UUID.test(n));
  const partial = (await names("artifacts")).filter((n) => n.endsWith(".zip.partial") && UUID.test(n.slice(0, 36)));
  const ids = [...new Set([...work, ...partial.map((n) => n.slice(0, 36))])];
  let removed = 0;
  if (ids.length) {
    // Still wanted: a job that may yet run (a queued one, a running one, one a worker will resume).
    const live = await pool.query<{ id: string }>("SELECT id::text FROM jobs WHERE id = ANY($1::uuid[]) AND state IN ('AWAITING_APPROVAL', 'QUEUED', 'RUNNING')", [ids]);
    const keep = new Set(live.rows.map((r) => r.id));
    for (const id of work.filter((n) => !keep.has(n))) {
      await rm(jobWorkDir(root, id), { recursive: true, force: true });
      removed++;
    }
    for (const name of partial.filter((n) => !keep.has(n.slice(0, 36)))) await rm(path.join(root, "artifacts", name), { force: true });
  }
  return { expired: rows.length, workDirs: removed };
}

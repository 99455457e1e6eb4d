import { existsSync, mkdtempSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActionContext } from "../../lib/actions/safe-action";
import { requestPdfExport } from "../../lib/exports/pdf-request";
import { sweepExports } from "../../lib/exports/retention";
import { jobWorkDir, partPath, resolveArtifact } from "../../lib/exports/storage";
import { runJob, type TRunnerDeps } from "../../lib/jobs/runner";
import { actionContextFor, jobRunnerDeps, syncedWorld, type TSyncedWorld } from "../support/synced-world";

// Transaction PDFs as a ZIP (issue 16): a job fetches Jumio's PDFs with bounded concurrency, the ZIP
// holds them and an index of every execution asked for; failures are listed, the rest go on.
describe("PDF export jobs", () => {
  const lines: string[] = [];
  const root = mkdtempSync(path.join(os.tmpdir(), "cd-exports-"));
  const world = syncedWorld("pdf_export", { profiles: 40, jumioAccounts: 40, trustxInstances: 6, seed: 16 }, {
    env: { EXPORTS_DIR: root, PDF_EXPORT_CONCURRENCY: "2", PDF_EXPORT_DOWNLOADS: "3" },
  });
  let sb: TSyncedWorld["sb"];
  let isolated: TSyncedWorld["isolated"];
  let ctx: TActionContext;
  let deps: TRunnerDeps;
  beforeAll(async () => {
    ({ sb, isolated } = world);
    ctx = await actionContextFor(isolated.db, "AUDITOR", "Aud Itor");
    deps = jobRunnerDeps(world, (l) => lines.push(l));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const jumio = (take: number, skip = 0) =>
    isolated.db.execution.findMany({ where: { provider: "JUMIO", wipedOutAt: null, accountId: { not: null } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take, skip });

  /** The job's ZIP, opened: its index as rows keyed by header, and its entries. */
  async function openZip(jobId: string) {
    const job = await isolated.db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.artifactPath).toBe(`artifacts/${jobId}.zip`);
    const bytes = await readFile(resolveArtifact(root, job.artifactPath!)!);
    expect(Number(job.artifactBytes)).toBe(bytes.byteLength);
    const files = unzipSync(bytes);
    const [header, ...lines] = strFromU8(files["index.csv"]!).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    const columns = header!.split(",");
    const index = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i]!, v])));
    return { job, files, index };
  }

  it("builds a ZIP of every PDF of a filter, with an index that matches its entries, and audits it", async () => {
    const { db } = isolated;
    const expected = await db.execution.count({ where: { provider: "JUMIO", wipedOutAt: null, accountId: { not: null } } });
    expect(expected).toBeGreaterThanOrEqual(50);
    const requested = await requestPdfExport(ctx, { selection: { query: "provider=JUMIO&wiped=no" } });
    expect(requested).toMatchObject({ total: expected, pdfs: expected, trustx: 0 });
    expect(await runJob(deps, requested.jobId)).toBe("ran");

    const { job, files, index } = await openZip(requested.jobId);
    expect(job).toMatchObject({ state: "SUCCEEDED", total: expected, done: expected, failed: 0 });
    expect(index).toHaveLength(expected);
    const pdfs = Object.keys(files).filter((name) => name !== "index.csv");
    expect(pdfs.sort()).toEqual(index.map((r) => r.file_name).sort());
    for (const row of index) {
      expect(row.outcome).toBe("included");
      expect(strFromU8(files[row.file_name!]!.subarray(0, 5))).toBe("%PDF-");
      // Each PDF is the one of its execution (the sandbox writes the id into it).
      expect(strFromU8(files[row.file_name!]!, true)).toContain(row.execution_id);
    }
    const one = await db.execution.findFirstOrThrow({ where: { id: index[0]!.execution_id } });
    expect(index[0]).toMatchObject({ provider: "JUMIO", decision: one.decisionType ?? "", created_at: one.createdAt.toISOString(), client_id: one.profileId ?? one.customerReference ?? "" });
    // The work files are gone once the ZIP is on record.
    expect(existsSync(jobWorkDir(root, requested.jobId))).toBe(false);
    const audit = (action: string) => db.auditEvent.findMany({ where: { action, targetId: requested.jobId } });
    expect((await audit("exports.pdf_zip"))[0]?.details).toMatchObject({ selection: { filter: "provider=JUMIO&wiped=no" }, total: expected, pdfs: expected });
    expect((await audit("exports.pdf_zip_ready"))[0]?.details).toMatchObject({ executions: expected, pdfs: expected, failed: 0, bytes: Number(job.artifactBytes) });
    expect(await db.auditEvent.count({ where: { action: "execution.pdf", outcome: "SUCCESS", details: { path: ["jobId"], equals: requested.jobId } } })).toBe(expected);
  });

  it("lists a PDF that fails, a wiped execution and a TrustX one with their reasons, and the rest go on", async () => {
    const { db, pool } = isolated;
    const [goneUpstream, wipedHere, ...fine] = await jumio(8, 10);
    const trustx = await db.execution.findFirstOrThrow({ where: { provider: "TRUSTX" } });
    // Wiped at Jumio after our last sync: J7 answers 404 for it.
    await sb.clients.jumio!.deleteExecution(goneUpstream!.accountId!, goneUpstream!.id);
    await pool.query("UPDATE executions SET wiped_out_at = now() WHERE provider = 'JUMIO' AND id = $1", [wipedHere!.id]);
    const ids = [goneUpstream!.id, wipedHere!.id, trustx.id, ...fine.map((f) => f.id)];
    const requested = await requestPdfExport(ctx, { selection: { ids } });
    expect(requested).toMatchObject({ total: 9, pdfs: 7, trustx: 1, wiped: 1 });
    await runJob(deps, requested.jobId);

    const { job, files, index } = await openZip(requested.jobId);
    expect(job).toMatchObject({ state: "PARTIAL", total: 9, done: 6, failed: 1, skipped: 2 });
    const row = (id: string) => index.find((r) => r.execution_id === id)!;
    expect(row(goneUpstream!.id)).toMatchObject({ outcome: "failed", file_name: "" });
    expect(row(goneUpstream!.id).reason).toContain("404");
    expect(row(wipedHere!.id)).toMatchObject({ outcome: "no PDF", reason: "wiped" });
    expect(row(trustx.id)).toMatchObject({ provider: "TRUSTX", outcome: "no PDF", reason: "no PDF: TrustX" });
    for (const f of fine) expect(files[row(f.id).file_name!]).toBeDefined();
    expect(Object.keys(files)).toHaveLength(1 + fine.length);
    expect((await db.auditEvent.findFirstOrThrow({ where: { action: "exports.pdf_zip_ready", targetId: requested.jobId } })).details).toMatchObject({ pdfs: 6, failed: 1, withoutPdf: 2 });
    expect(await db.auditEvent.count({ where: { action: "execution.pdf", outcome: "FAILED", targetId: goneUpstream!.id } })).toBe(1);
    await pool.query("UPDATE executions SET wiped_out_at = NULL WHERE provider = 'JUMIO' AND id = $1", [wipedHere!.id]);
  });

  it("resumes after a dead worker: keeps the PDFs it had fetched, fetches the rest, and the ZIP is whole", async () => {
    const { db, pool } = isolated;
    const targets = await jumio(40, 20);
    const requested = await requestPdfExport(ctx, { selection: { ids: targets.map((t) => t.id) } });
    const jobId = requested.jobId;
    const items = await db.jobItem.findMany({ where: { jobId }, orderBy: { seq: "asc" } });
    // A worker committed nothing, claimed the first chunk (25), fetched 10 of its PDFs, and died.
    await pool.query("UPDATE job_items SET state = 'CLAIMED', chunk = 1, claimed_by = 'dead', claimed_at = now(), sent_at = now() WHERE job_id = $1::uuid AND seq < 25", [jobId]);
    await pool.query("UPDATE jobs SET state = 'RUNNING', started_at = now() WHERE id = $1::uuid", [jobId]);
    await mkdir(jobWorkDir(root, jobId), { recursive: true });
    const fetched = items.slice(0, 10);
    // What it had written (a marker tells a kept file from a fetched-again one); a half-written temp file too.
    for (const item of fetched) await writeFile(partPath(root, jobId, item.seq), `%PDF-1.4 fetched before the crash ${item.subjectId}`);
    await writeFile(`${partPath(root, jobId, 10)}.dead.tmp`, "%PDF-1.4 trunc");

    expect(await runJob(deps, jobId)).toBe("ran");
    expect(lines.some((l) => l.includes(jobId) && l.includes("10 settled from upstream, 15 to send again"))).toBe(true);
    const { job, files, index } = await openZip(jobId);
    expect(job).toMatchObject({ state: "SUCCEEDED", done: 40, failed: 0 });
    expect(index.map((r) => r.execution_id)).toEqual(items.map((i) => i.subjectId));
    expect(Object.keys(files)).toHaveLength(41);
    for (const item of fetched) expect(strFromU8(files[index[item.seq]!.file_name!]!)).toContain("fetched before the crash");
    for (const row of index.slice(10)) expect(strFromU8(files[row.file_name!]!, true)).not.toContain("fetched before the crash");
  });

  it("a worker that died while writing the ZIP: the next run builds it from the same files", async () => {
    const { db, pool } = isolated;
    const targets = await jumio(5, 3);
    const { jobId } = await requestPdfExport(ctx, { selection: { ids: targets.map((t) => t.id) } });
    // Every item done and its file on disk, a half-written ZIP, the job still RUNNING.
    await mkdir(jobWorkDir(root, jobId), { recursive: true });
    for (const [seq, t] of targets.entries()) await writeFile(partPath(root, jobId, seq), `%PDF-1.4 ${t.id}`);
    await pool.query("UPDATE job_items SET state = 'DONE', finished_at = now() WHERE job_id = $1::uuid", [jobId]);
    await pool.query("UPDATE jobs SET state = 'RUNNING', done = 5, started_at = now() WHERE id = $1::uuid", [jobId]);
    await mkdir(path.join(root, "artifacts"), { recursive: true });
    await writeFile(path.join(root, "artifacts", `${jobId}.zip.partial`), "PK half");
    await runJob(deps, jobId);
    const { job, files } = await openZip(jobId);
    expect(job.state).toBe("SUCCEEDED");
    expect(Object.keys(files)).toHaveLength(6);
    expect(existsSync(path.join(root, "artifacts", `${jobId}.zip.partial`))).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "exports.pdf_zip_ready", targetId: jobId } })).toBe(1);
  });

  it("refuses a selection over the cap, and one without any PDF", async () => {
    await expect(requestPdfExport(ctx, { selection: { query: "provider=TRUSTX" } })).rejects.toThrow(/None of these executions has a PDF/);
    await expect(requestPdfExport(ctx, { selection: { createdFrom: "1990-01-01", createdTo: "1990-01-02" } })).rejects.toThrow(/No execution matches/);
  });

  it("retention removes an expired ZIP and marks it gone; leftovers of a cancelled export go too", async () => {
    const { db, pool } = isolated;
    const targets = await jumio(3);
    const { jobId } = await requestPdfExport(ctx, { selection: { ids: targets.map((t) => t.id) } });
    await runJob(deps, jobId);
    const file = resolveArtifact(root, (await db.job.findUniqueOrThrow({ where: { id: jobId } })).artifactPath!)!;
    expect(existsSync(file)).toBe(true);
    // Not yet expired: kept.
    expect((await sweepExports(pool, root, () => undefined)).expired).toBe(0);
    expect(existsSync(file)).toBe(true);

    const cancelled = await requestPdfExport(ctx, { selection: { ids: targets.map((t) => t.id) } });
    await mkdir(jobWorkDir(root, cancelled.jobId), { recursive: true });
    await writeFile(partPath(root, cancelled.jobId, 0), "%PDF-1.4");
    await db.job.update({ where: { id: cancelled.jobId }, data: { cancelRequestedAt: new Date() } });
    await runJob(deps, cancelled.jobId);
    expect((await db.job.findUniqueOrThrow({ where: { id: cancelled.jobId } })).state).toBe("CANCELLED");

    await pool.query("UPDATE jobs SET artifact_expires_at = now() - interval '1 second' WHERE id = $1::uuid", [jobId]);
    expect(await sweepExports(pool, root, () => undefined)).toMatchObject({ expired: 1, workDirs: 1 });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(jobWorkDir(root, cancelled.jobId))).toBe(false);
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.artifactPath).toBeNull();
    expect(job.artifactExpiresAt).not.toBeNull();
    expect(Number(job.artifactBytes)).toBeGreaterThan(0);
  });
});

import { mkdir, readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { expect, test, type Page } from "@playwright/test";
import { demoUser, storageStateFor } from "./support/users";
import { db } from "./support/world";

/** "1 PDF", "70 PDFs": how the dialog counts (a range may hold one). */
const counted = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

// Transaction PDFs as a ZIP (issue 16): an auditor exports the executions of a filter, follows the job
// and downloads the ZIP (entries and index agree); an analyst gets no export action, and the server
// refuses them the action and the download. E2E_SHOTS_DIR, when set, keeps screenshots of the journey.

const FILTER = "provider=JUMIO&wiped=no";

async function shot(page: Page, name: string, fullPage = true) {
  const dir = process.env.E2E_SHOTS_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage });
}

async function waitForJob(id: string): Promise<string> {
  let state = "";
  await expect(async () => {
    state = (await db().query<{ state: string }>("SELECT state::text FROM jobs WHERE id = $1::uuid", [id])).rows[0]!.state;
    expect(["SUCCEEDED", "PARTIAL", "FAILED", "CANCELLED"]).toContain(state);
  }).toPass({ timeout: 60_000, intervals: [500] });
  return state;
}

test("an auditor exports the PDFs of a filter as a ZIP whose index matches its entries; an analyst is refused by the server", async ({ browser }) => {
  test.setTimeout(120_000);
  const { rows } = await db().query<{ id: string }>("SELECT id FROM executions WHERE provider = 'JUMIO' AND wiped_out_at IS NULL AND account_id IS NOT NULL");
  const expected = new Set(rows.map((r) => r.id));
  // The profiles journeys may have seeded executions of their own into the copy (ids "jx-…"), which Jumio
  // has never heard of: their PDFs fail (404) and must be listed with the reason, the rest going on.
  const unknownAtJumio = new Set(rows.map((r) => r.id).filter((id) => id.startsWith("jx-")));
  const atJumio = new Set([...expected].filter((id) => !unknownAtJumio.has(id)));
  expect(atJumio.size).toBeGreaterThanOrEqual(50);

  const auditor = await browser.newContext({ storageState: storageStateFor("AUDITOR"), viewport: { width: 1400, height: 900 } });
  const page = await auditor.newPage();
  await page.goto(`/executions?${FILTER}`);
  await page.getByTestId("export-pdfs").click();
  const dialog = page.getByTestId("export-pdfs-dialog");
  await expect(dialog.getByTestId("export-preview-pdfs")).toHaveText(counted(expected.size, "PDF"));
  await shot(page, "1-export-dialog", false);
  // A date range counts every execution created in it, TrustX ones too (they go in the index without a PDF).
  const range = await db().query<{ from: string; to: string }>(
    `SELECT to_char(min(created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS from, to_char(min(created_at) AT TIME ZONE 'UTC' + interval '60 days', 'YYYY-MM-DD') AS to FROM executions`,
  );
  const { from, to } = range.rows[0]!;
  const inRange = await db().query<{ total: number; pdfs: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE provider = 'JUMIO' AND wiped_out_at IS NULL AND account_id IS NOT NULL)::int AS pdfs
     FROM executions WHERE created_at >= ($1 || 'T00:00:00Z')::timestamptz AND created_at < ($2 || 'T00:00:00Z')::timestamptz + interval '1 day'`,
    [from, to],
  );
  await dialog.getByTestId("export-mode-range").check();
  await dialog.getByTestId("export-from").fill(from);
  await dialog.getByTestId("export-to").fill(to);
  await expect(dialog.getByTestId("export-preview-total")).toHaveText(counted(inRange.rows[0]!.total, "execution"));
  await expect(dialog.getByTestId("export-preview-pdfs")).toHaveText(counted(inRange.rows[0]!.pdfs, "PDF"));
  await shot(page, "1b-export-dialog-range", false);
  await dialog.getByTestId("export-mode-filter").check();
  await expect(dialog.getByTestId("export-preview-pdfs")).toHaveText(counted(expected.size, "PDF"));
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await dialog.getByTestId("confirm-export-pdfs").click();
  const action = await captured;
  const link = page.getByTestId("export-job-link");
  const jobId = (await link.getAttribute("href"))!.replace("/jobs/", "");
  const state = await waitForJob(jobId);
  const refused = await db().query<{ subject_id: string; code: string | null }>(
    "SELECT subject_id, code FROM job_items WHERE job_id = $1::uuid AND state = 'FAILED'",
    [jobId],
  );
  expect(new Set(refused.rows.map((r) => r.subject_id))).toEqual(unknownAtJumio);
  expect(refused.rows.every((r) => r.code === "404")).toBe(true);
  expect(state).toBe(unknownAtJumio.size ? "PARTIAL" : "SUCCEEDED");

  await page.goto(`/jobs/${jobId}`);
  const download = page.getByTestId("download-artifact");
  await expect(download).toContainText(/Download ZIP \(\d/);
  await shot(page, "2-job-zip-ready");
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  expect(file.suggestedFilename()).toMatch(/^transaction-pdfs-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile((await file.path())!)));
  const [header, ...lines] = strFromU8(files["index.csv"]!).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  const columns = header!.split(",");
  const index = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i]!, v])));
  expect(index).toHaveLength(expected.size);
  expect(new Set(index.map((r) => r.execution_id))).toEqual(expected);
  expect(new Set(index.filter((r) => r.outcome === "included").map((r) => r.execution_id))).toEqual(atJumio);
  for (const row of index.filter((r) => r.outcome !== "included")) expect(row.reason).toMatch(/404|not found/i);
  const entries = Object.keys(files).filter((n) => n !== "index.csv");
  expect(entries.sort()).toEqual(index.filter((r) => r.outcome === "included").map((r) => r.file_name).sort());
  for (const name of entries) expect(strFromU8(files[name]!.subarray(0, 5))).toBe("%PDF-");

  const audit = await db().query<{ action: string; details: Record<string, unknown> }>(
    "SELECT action, details FROM audit_events WHERE target_type = 'job' AND target_id = $1 ORDER BY id",
    [jobId],
  );
  expect(audit.rows.map((r) => r.action)).toEqual(["exports.pdf_zip", "exports.pdf_zip_ready", "exports.pdf_zip_download"]);
  expect(audit.rows[0]!.details).toMatchObject({ selection: { filter: FILTER }, pdfs: expected.size });
  expect(audit.rows[2]!.details).toMatchObject({ pdfs: atJumio.size, failed: unknownAtJumio.size });

  // An analyst: no action on the list, the same action replayed from their session refused, the ZIP refused.
  const analyst = await browser.newContext({ storageState: storageStateFor("ANALYST") });
  const view = await analyst.newPage();
  await view.goto(`/executions?${FILTER}`);
  await expect(view.getByTestId("execution-row").first()).toBeVisible();
  await expect(view.getByTestId("export-pdfs")).toHaveCount(0);
  const replay = await analyst.request.post(new URL(action.url()).pathname, {
    headers: { "next-action": action.headers()["next-action"]!, "content-type": action.headers()["content-type"] ?? "text/plain;charset=UTF-8", origin: new URL(view.url()).origin, accept: "text/x-component" },
    data: action.postData() ?? "",
  });
  expect(await replay.text()).toContain("Your role does not allow this action.");
  const analystEmail = demoUser("ANALYST").email;
  expect((await db().query("SELECT 1 FROM jobs WHERE kind = 'executions.pdf_export' AND requested_by_email = $1", [analystEmail])).rowCount).toBe(0);
  expect((await analyst.request.get(`/api/jobs/${jobId}/artifact`)).status()).toBe(403);
  await view.goto(`/jobs/${jobId}`);
  await expect(view.getByTestId("job-artifact")).toContainText("auditors and admins may download it");
  await expect(view.getByTestId("download-artifact")).toHaveCount(0);
  await analyst.close();

  // Past its retention the ZIP is gone: 410 from the route (before the worker's sweep too), "expired" on the page.
  await db().query("UPDATE jobs SET artifact_expires_at = now() - interval '1 second' WHERE id = $1::uuid", [jobId]);
  expect((await page.request.get(`/api/jobs/${jobId}/artifact`)).status()).toBe(410);
  await page.reload();
  await expect(page.getByTestId("job-artifact")).toHaveAttribute("data-state", "expired");
  await auditor.close();
});

import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/users";
import { db } from "./support/world";

// Transaction PDFs (issue 16): auditors export them, analysts are refused by the server.

async function jumioExecution(): Promise<string> {
  const { rows } = await db().query<{ id: string }>(
    "SELECT id FROM executions WHERE provider = 'JUMIO' AND account_id IS NOT NULL AND wiped_out_at IS NULL AND status = 'PROCESSED' ORDER BY id LIMIT 1",
  );
  return rows[0]!.id;
}

test.describe("as an auditor", () => {
  test.use({ storageState: storageStateFor("AUDITOR") });

  test("downloads one execution's PDF from its page: a real PDF, and the export is on record", async ({ page }) => {
    const id = await jumioExecution();
    await page.goto(`/executions/${encodeURIComponent(id)}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-pdf").click()]);
    expect(download.suggestedFilename()).toBe(`jumio-${id}.pdf`);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = bytes.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    const audited = await db().query("SELECT details FROM audit_events WHERE action = 'execution.pdf' AND target_id = $1 AND outcome = 'SUCCESS' AND details->>'kind' = 'transaction_pdf'", [id]);
    expect(audited.rows[0]?.details).toMatchObject({ kind: "transaction_pdf", executions: [id] });
  });
});

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateFor("ANALYST") });

  test("sees no PDF action, and the PDF route answers 403", async ({ page, request }) => {
    const id = await jumioExecution();
    await page.goto(`/executions/${encodeURIComponent(id)}`);
    await expect(page.getByTestId("feedback-panel")).toBeVisible();
    await expect(page.getByTestId("download-pdf")).toHaveCount(0);
    const res = await request.get(`/api/executions/${encodeURIComponent(id)}/pdf`);
    expect(res.status()).toBe(403);
  });
});

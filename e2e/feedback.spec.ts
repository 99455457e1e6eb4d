import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/users";
import { db } from "./support/world";

// Fraud feedback on a Jumio execution (issue 16): set, shown with its history, filterable in the list.

async function jumioExecution(offset: number): Promise<string> {
  const { rows } = await db().query<{ id: string }>(
    "SELECT id FROM executions WHERE provider = 'JUMIO' AND account_id IS NOT NULL AND feedback_status IS NULL ORDER BY id LIMIT 1 OFFSET $1",
    [offset],
  );
  return rows[0]!.id;
}

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateFor("ANALYST") });

  test("sets FRAUD with a reason, sees it and its history, and finds it by the list's feedback filter", async ({ page }) => {
    const id = await jumioExecution(2);
    await page.goto(`/executions/${encodeURIComponent(id)}`);
    const form = page.getByTestId("feedback-form");
    // Jumio's NA reads as words, not as "Na".
    await expect(form.getByLabel("Status").locator("option")).toHaveText(["Choose…", "Not applicable", "Fraud", "Not fraud"]);
    await form.getByLabel("Status").selectOption("FRAUD");
    await expect(form.getByLabel(/^Reason/)).toBeEnabled();
    // FRAUD without a reason is refused before anything is sent.
    await form.getByRole("button", { name: "Set feedback" }).click();
    await expect(form.getByRole("alert")).toContainText("FRAUD needs a reason");
    await form.getByLabel(/^Reason/).selectOption("IDENTITY_FRAUD");
    await form.getByRole("button", { name: "Set feedback" }).click();
    await expect(page.getByTestId("feedback-current")).toHaveText("FRAUD · IDENTITY_FRAUD");
    await expect(page.getByTestId("feedback-history")).toContainText("FRAUD · IDENTITY_FRAUD");
    await expect(page.getByTestId("feedback-history")).toContainText("Ana Lindqvist");
    const audited = await db().query("SELECT 1 FROM audit_events WHERE action = 'execution.feedback' AND target_id = $1 AND outcome = 'SUCCESS'", [id]);
    expect(audited.rowCount).toBe(1);

    await page.goto(`/executions?feedback=FRAUD&q=${encodeURIComponent(id)}`);
    await expect(page.getByTestId("execution-link")).toHaveCount(1);
    await expect(page.getByTestId("execution-link")).toHaveAttribute("href", `/executions/${encodeURIComponent(id)}`);
  });
});

test.describe("as an auditor", () => {
  test.use({ storageState: storageStateFor("AUDITOR") });

  test("reads the feedback but gets no form", async ({ page }) => {
    await page.goto(`/executions/${encodeURIComponent(await jumioExecution(3))}`);
    await expect(page.getByTestId("feedback-panel")).toBeVisible();
    await expect(page.getByTestId("feedback-form")).toHaveCount(0);
  });
});

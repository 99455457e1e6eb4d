import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./support/users";
import { db } from "./support/world";

// The execution page (issue 14): images in a viewer with zoom, rotation and fit, the vendor's reading of the
// document beside what the person entered in Trulioo, and the provider's record, on the synced sandbox world.

async function linkedJumioWithFace(): Promise<string> {
  const { rows } = await db().query<{ id: string }>(
    `SELECT e.id FROM executions e, jsonb_array_elements(e.raw->'record'->'credentials') c
     WHERE e.provider = 'JUMIO' AND e.wiped_out_at IS NULL AND e.profile_id IS NOT NULL
       AND c->'parts' @> '[{"classifier":"FACE"}]' AND e.raw->'record'->'capabilities' ? 'extraction'
     ORDER BY e.created_at DESC, e.id LIMIT 1`,
  );
  test.skip(!rows[0], "no linked Jumio execution with a FACE image in this world");
  return rows[0]!.id;
}

async function openFromList(page: Page, id: string) {
  await page.goto("/executions?provider=JUMIO");
  await page.getByRole("searchbox", { name: "Search" }).fill(id);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("execution-row")).toHaveCount(1);
  await page.getByTestId("execution-link").click();
  await expect(page).toHaveURL(new RegExp(`/executions/${id}$`));
}

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateFor("ANALYST") });

  test("a Jumio execution opened from the list shows its decoded FACE image, zoomable and rotatable", async ({ page }) => {
    const id = await linkedJumioWithFace();
    await openFromList(page, id);
    await expect(page.getByTestId("execution-facts")).toContainText(id);

    const panel = page.locator('[data-testid="document-image-panel"][data-label$="FACE"]').first();
    const face = panel.getByTestId("document-image");
    await expect.poll(() => face.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);

    const transform = () => face.evaluate((img: HTMLImageElement) => img.style.transform);
    await expect.poll(transform).toContain("scale(");
    const fitted = await transform();
    await panel.getByRole("button", { name: /^Zoom into / }).click();
    await expect(face).toHaveAttribute("data-zoom", "1.25");
    expect(await transform()).not.toBe(fitted);

    await panel.getByRole("button", { name: /^Rotate .* 90° clockwise$/ }).click();
    await expect(face).toHaveAttribute("data-rotation", "90");
    expect(await transform()).toContain("rotate(90deg)");

    await panel.getByRole("button", { name: /at actual size$/ }).click();
    await expect(face).toHaveAttribute("data-fit", "actual");
    await panel.getByRole("button", { name: /^Reset the view/ }).click();
    await expect(face).toHaveAttribute("data-rotation", "0");
    expect(await transform()).toBe(fitted);

    // The keyboard does the same on the focused image.
    await panel.getByRole("group").focus();
    await page.keyboard.press("r");
    await expect(face).toHaveAttribute("data-rotation", "90");
  });

  test("the comparison table sets Jumio's reading beside what the person entered, and flags a mismatch", async ({ page }) => {
    const id = await linkedJumioWithFace();
    await page.goto(`/executions/${id}`);
    const rows = page.getByTestId("comparison-row");
    await expect(rows).toHaveCount(5);
    // The sandbox's person is the same on both sides: their name and date of birth match.
    for (const field of ["firstName", "lastName", "dateOfBirth", "nationality"]) {
      await expect(rows.and(page.locator(`[data-field="${field}"]`))).toHaveAttribute("data-outcome", "match");
    }

    // Make the person's entered first name another one, then put it back.
    const { rows: fields } = await db().query<{ profile_id: string; flow_id: string; element_id: string; values: string[] }>(
      `SELECT f.profile_id, f.flow_id, f.element_id, f.values FROM executions e JOIN field_values f ON f.profile_id = e.profile_id
       WHERE e.provider = 'JUMIO' AND e.id = $1 AND f.role = 'first_name'`,
      [id],
    );
    try {
      for (const f of fields) {
        await db().query("UPDATE field_values SET values = $4 WHERE profile_id = $1 AND flow_id = $2 AND element_id = $3", [f.profile_id, f.flow_id, f.element_id, ["Somebody-Else"]]);
      }
      await page.reload();
      const first = rows.and(page.locator('[data-field="firstName"]'));
      await expect(first).toHaveAttribute("data-outcome", "mismatch");
      await expect(first).toContainText("Mismatch");
      await expect(first).toContainText("Somebody-Else");
      await expect(page.getByTestId("comparison-summary")).toContainText(/mismatch/);
    } finally {
      for (const f of fields) {
        await db().query("UPDATE field_values SET values = $4 WHERE profile_id = $1 AND flow_id = $2 AND element_id = $3", [f.profile_id, f.flow_id, f.element_id, f.values]);
      }
    }
  });

  test("a Jumio execution lists its capabilities, steps, rules and credentials", async ({ page }) => {
    const id = await linkedJumioWithFace();
    await page.goto(`/executions/${id}`);
    await expect(page.getByTestId("jumio-capabilities").locator('[data-capability="extraction"]')).toBeVisible();
    await expect(page.getByTestId("jumio-steps").getByRole("listitem").first()).toBeVisible();
    await expect(page.getByTestId("jumio-rules").getByRole("listitem").first()).toBeVisible();
    await expect(page.getByTestId("jumio-credentials")).toContainText("biometric template, not an image");
    await expect(page.locator('[data-testid="document-image-panel"][data-label$="FACEMAP"]')).toHaveCount(0);
  });

  test("a TrustX execution shows its status, token parameters and the document's biographic fields", async ({ page }) => {
    const { rows } = await db().query<{ id: string }>(
      `SELECT id FROM executions WHERE provider = 'TRUSTX' AND jsonb_typeof(raw->'userData'->'documents') = 'object'
       ORDER BY (profile_id IS NULL), created_at DESC LIMIT 1`,
    );
    test.skip(!rows[0], "no TrustX instance with user data in this world");
    await page.goto(`/executions/${encodeURIComponent(rows[0]!.id)}`);
    await expect(page.getByTestId("trustx-status")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Token parameters" })).toBeVisible();
    const fields = page.getByTestId("biographic-field");
    await expect(fields.first()).toBeVisible();
    await expect(page.getByTestId("biographic-fields")).toContainText("Document Number");
    await expect(page.getByTestId("biographic-fields")).toContainText("Date of Birth");
    await expect(page.getByTestId("field-comparison")).toBeVisible();
  });

  test("a stored record that no longer parses still shows the core and says what could not be read", async ({ page }) => {
    const id = randomUUID();
    await db().query(
      `INSERT INTO executions (provider, id, status, decision_type, first_name, last_name, created_at, raw, content_hash)
       VALUES ('JUMIO', $1, 'PROCESSED', 'PASSED', 'Drift', 'Fixture', now(), $2, 'e2e')`,
      [id, JSON.stringify({ record: { workflow: { id: 42 } }, steps: { steps: "nope" } })],
    );
    try {
      const response = await page.goto(`/executions/${id}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { name: "Drift Fixture" })).toBeVisible();
      await expect(page.getByTestId("execution-problems")).toContainText("the transaction record");
      await expect(page.getByTestId("execution-problems")).toContainText("the workflow steps");
      await expect(page.getByTestId("execution-facts")).toContainText("PASSED");
    } finally {
      await db().query("DELETE FROM executions WHERE provider = 'JUMIO' AND id = $1", [id]);
    }
  });
});

test.describe("as an auditor (no files.download)", () => {
  test.use({ storageState: storageStateFor("AUDITOR") });

  test("sees the review and the comparison but no image", async ({ page }) => {
    const id = await linkedJumioWithFace();
    await page.goto(`/executions/${id}`);
    await expect(page.getByTestId("comparison-row").first()).toBeVisible();
    await expect(page.getByTestId("images-note")).toContainText("does not open captured images");
    await expect(page.getByTestId("document-image")).toHaveCount(0);
    await expect(page.locator('img[src*="/api/files/jumio/"]')).toHaveCount(0);
  });
});

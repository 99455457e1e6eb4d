import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/users";
import { db } from "./support/world";

// End-client links from the case page (issue 16): both sides show the link at once, and after unlinking neither does.

test.use({ storageState: storageStateFor("ANALYST") });

test("an analyst links two clients as owner and owned, both pages show it, then unlinks it", async ({ page }) => {
  // Two clients Trulioo has (the profiles journeys seed local-only ones into their own workflow), not linked yet.
  const { rows } = await db().query<{ a: string; b: string; b_name: string }>(
    `SELECT a.id::text AS a, b.id::text AS b, b.full_name AS b_name FROM profiles a JOIN profiles b ON a.id < b.id
     WHERE a.full_name IS NOT NULL AND b.full_name IS NOT NULL AND a.pii_wiped_at IS NULL AND b.pii_wiped_at IS NULL
       AND NOT ('wf-e2e-review' = ANY(a.workflow_ids)) AND NOT ('wf-e2e-review' = ANY(b.workflow_ids))
       AND a.link_count = 0 AND b.link_count = 0
     ORDER BY a.id DESC, b.id DESC LIMIT 1`,
  );
  const { a, b, b_name: bName } = rows[0]!;
  await page.goto(`/profiles/${a}`);
  await expect(async () => {
    await page.getByTestId("link-open").click();
    await expect(page.getByRole("dialog")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Find a client").fill(b);
  await dialog.getByRole("button", { name: "Search" }).click();
  await expect(dialog.getByTestId("link-candidates")).toContainText(bName);
  await dialog.getByLabel("This client…").selectOption("OWNS");
  await dialog.getByRole("button", { name: "Link" }).click();
  await expect(dialog).toBeHidden();

  const forward = page.locator(`[data-testid="profile-link"][data-side="from"]`).filter({ has: page.locator(`a[href="/profiles/${b}"]`) });
  await expect(forward).toContainText("Owns");
  await page.goto(`/profiles/${b}`);
  const backward = page.locator(`[data-testid="profile-link"][data-side="to"]`).filter({ has: page.locator(`a[href="/profiles/${a}"]`) });
  await expect(backward).toContainText("Owned by");

  page.once("dialog", (d) => void d.accept());
  await backward.getByTestId("unlink").click();
  await expect(backward).toHaveCount(0);
  await page.goto(`/profiles/${a}`);
  await expect(page.locator(`[data-testid="profile-link"]`).filter({ has: page.locator(`a[href="/profiles/${b}"]`) })).toHaveCount(0);
  const audited = await db().query("SELECT action FROM audit_events WHERE action IN ('profile.link', 'profile.unlink') AND target_id = $1 AND outcome = 'SUCCESS'", [a]);
  expect(audited.rows.map((r) => r.action).sort()).toEqual(["profile.link", "profile.unlink"]);
});

test("linking a pair that Trulioo already links shows Trulioo's refusal in words", async ({ page }) => {
  // From the other end of the ids than the test above, which links and unlinks a pair in parallel: a link it
  // has just made (and is about to remove) is not one Trulioo keeps.
  // Both ends in Trulioo: the profiles journeys seed local-only clients (wf-e2e-review) that Trulioo never had.
  const { rows } = await db().query<{ from_id: string; to_id: string }>(
    `SELECT l.from_id::text, l.to_id::text FROM profile_links l
       JOIN profiles a ON a.id = l.from_id JOIN profiles b ON b.id = l.to_id
     WHERE a.pii_wiped_at IS NULL AND b.pii_wiped_at IS NULL
       AND NOT ('wf-e2e-review' = ANY(a.workflow_ids)) AND NOT ('wf-e2e-review' = ANY(b.workflow_ids))
     ORDER BY l.from_id ASC, l.to_id ASC LIMIT 1`,
  );
  const link = rows[0]!;
  await page.goto(`/profiles/${link.to_id}`);
  await expect(async () => {
    await page.getByTestId("link-open").click();
    await expect(page.getByRole("dialog")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Find a client").fill(link.from_id);
  await dialog.getByRole("button", { name: "Search" }).click();
  await expect(dialog.getByTestId("link-candidates")).toBeVisible();
  await dialog.getByRole("button", { name: "Link" }).click();
  await expect(dialog.getByRole("alert")).toContainText("4105");
});

test("the link search says in words what it needs: two characters at least, 200 at most", async ({ page }) => {
  const { rows } = await db().query<{ id: string }>("SELECT id::text FROM profiles WHERE pii_wiped_at IS NULL ORDER BY id LIMIT 1");
  await page.goto(`/profiles/${rows[0]!.id}`);
  const dialog = page.getByRole("dialog");
  await expect(async () => {
    await page.getByTestId("link-open").click();
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await dialog.getByRole("button", { name: "Search" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Type at least two characters.");
  await dialog.getByLabel("Find a client").fill("x".repeat(500));
  expect((await dialog.getByLabel("Find a client").inputValue()).length).toBe(200);
  await dialog.getByRole("button", { name: "Search" }).click();
  await expect(dialog.getByText("No other client matches.")).toBeVisible();
  await expect(dialog).not.toContainText(/Too big|expected string/);
});

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { clickUntil, demoUser, storageStateFor } from "./support/users";
import { E2E_PROFILES, E2E_WORKFLOW, seedProfilesWorld } from "./support/profiles-world";

test.use({ storageState: storageStateFor("MANAGER") });
test.beforeAll(seedProfilesWorld);

const rows = (page: Page) => page.getByTestId("profile-row");
const names = (page: Page) => page.getByTestId("profile-name").allInnerTexts();
const rowIds = (page: Page) => rows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-row-id")));

async function pick(page: Page, filter: string, option: string) {
  await page.getByRole("button", { name: `Filter by ${filter}` }).click();
  await page.getByRole("menuitemcheckbox", { name: new RegExp(`^${option}`) }).click();
  await page.keyboard.press("Escape");
}

test("filters by workflow and status, and every row matches", async ({ page }) => {
  await page.goto("/profiles");
  await pick(page, "Workflow", E2E_WORKFLOW.name);
  await expect(page).toHaveURL(new RegExp(`workflow=${E2E_WORKFLOW.id}`));
  await expect(page.getByTestId("list-total")).toContainText(`of ${E2E_PROFILES}`);
  await pick(page, "Status", "Waiting for review");
  await expect(page).toHaveURL(/status=PENDING_REVIEW/);
  await expect(rows(page).first()).toBeVisible();
  for (const status of await page.getByTestId("profile-status").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))) {
    expect(status).toBe("PENDING_REVIEW");
  }
  for (const workflows of await page.getByTestId("profile-workflows").allInnerTexts()) expect(workflows).toContain(E2E_WORKFLOW.name);
});

test('search "zoe" finds "Zoë", "muller" finds "Müller", case and accents aside', async ({ page }) => {
  await page.goto(`/profiles?workflow=${E2E_WORKFLOW.id}`);
  // Slower than the search's pause: the list reloads between keys, and no key is lost.
  await page.getByRole("searchbox", { name: "Search" }).pressSequentially("zoe fixture", { delay: 450 });
  await expect(page).toHaveURL(/q=zoe\+fixture/);
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("zoe fixture");
  await expect(rows(page)).toHaveCount(1);
  expect(await names(page)).toEqual(["Zoë Fixture-Quill"]);
  await page.getByRole("searchbox", { name: "Search" }).fill("MULLER-fix");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=MULLER-fix/);
  await expect(rows(page)).toHaveCount(1);
  expect(await names(page)).toEqual(["Jörg Müller-Fixture"]);
});

test("sorts by name both ways, and the state survives a reload", async ({ page }) => {
  await page.goto(`/profiles?workflow=${E2E_WORKFLOW.id}&size=100`);
  await page.getByRole("button", { name: "Sort by Name" }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await expect(page.getByTestId("list-total")).toContainText(`Rows 1–${E2E_PROFILES}`);
  const ascending = await names(page);
  await page.getByRole("button", { name: /Sort by Name, ascending/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect.poll(() => names(page)).toEqual([...ascending].reverse());
  await page.reload();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  expect(await names(page)).toEqual([...ascending].reverse());
});

test("pages forward and back by keyset, with Back and Forward, and jumps to the last page", async ({ page }) => {
  await page.goto(`/profiles?workflow=${E2E_WORKFLOW.id}&size=25`);
  const first = await rowIds(page);
  expect(first).toHaveLength(25);
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByTestId("list-total")).toContainText(`Rows 26–50 of ${E2E_PROFILES}`);
  await expect(page).toHaveURL(/cursor=a\./);
  const second = await rowIds(page);
  expect(second).toHaveLength(25);
  expect(second.filter((id) => first.includes(id))).toEqual([]);
  await page.getByRole("button", { name: "Last page" }).click();
  await expect(page.getByTestId("list-total")).toContainText(`Rows 51–60 of ${E2E_PROFILES}`);
  await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page.getByTestId("list-total")).toContainText("Rows 26–50");
  expect(await rowIds(page)).toEqual(second);
  await page.goBack();
  await expect(page.getByTestId("list-total")).toContainText("Rows 51–60");
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId("list-total")).toContainText("Rows 1–25");
  expect(await rowIds(page)).toEqual(first);
  await page.goForward();
  await expect(page.getByTestId("list-total")).toContainText("Rows 26–50");
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page.getByTestId("list-total")).toContainText("Rows 1–25");
  await expect(page.getByRole("button", { name: "Previous page" })).toBeDisabled();
});

test("keyboard: j/k move the active row, x selects it, Enter opens it, ? shows the keys", async ({ page }) => {
  await page.goto(`/profiles?workflow=${E2E_WORKFLOW.id}&sort=name&dir=asc`);
  await expect(rows(page).first()).toBeVisible();
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  const active = page.locator('[data-testid="profile-row"][data-active="true"]');
  // A key pressed before the page has hydrated reaches no handler: press until the first row is active.
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(active).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const first = (await rows(page).first().getAttribute("data-row-id"))!;
  await expect(active).toHaveAttribute("data-row-id", first);
  await page.keyboard.press("j");
  await expect(active).toHaveAttribute("data-row-id", (await rows(page).nth(1).getAttribute("data-row-id"))!);
  await page.keyboard.press("k");
  await expect(active).toHaveAttribute("data-row-id", first);
  await page.keyboard.press("x");
  await expect(page.getByTestId("selection-count")).toHaveText("1 selected on this page");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.getByRole("heading", { name: "Profiles" }).click();
  const name = await active.getByTestId("profile-name").innerText();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
});

test("selecting the whole page offers every row matching the filter", async ({ page }) => {
  await page.goto(`/profiles?workflow=${E2E_WORKFLOW.id}&size=25`);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await expect(page.getByTestId("selection-count")).toHaveText("25 selected on this page");
  await page.getByRole("button", { name: `Select all ${E2E_PROFILES} matching this filter` }).click();
  await expect(page.getByTestId("selection-count")).toHaveText(`All ${E2E_PROFILES} matching this filter selected`);
  await page.getByRole("button", { name: "Clear selection" }).click();
  await expect(page.getByTestId("selection-bar")).toHaveCount(0);
});

test("on a 420 px screen the search keeps its width beside the list's actions", async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto(`/profiles?workflow=${E2E_WORKFLOW.id}`);
  const search = page.getByRole("searchbox", { name: "Search" });
  await expect(search).toBeVisible();
  expect((await search.boundingBox())!.width).toBeGreaterThan(250);
  await expect(page.getByRole("button", { name: "Views" })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
});

test("a garbage URL renders the default list with a notice, not an error page", async ({ page }) => {
  const response = await page.goto("/profiles?page=-3&sort=nope&status=%00&cursor=zzz&size=7");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("list-notice")).toContainText("not understood");
  await expect(page.getByTestId("list-notice")).toContainText('Unknown sort "nope"');
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Sort by Last modified, descending" })).toBeVisible();
});

test("saves a shared view, opens it from the menu after a reload, and another user sees it; rename and delete", async ({ page, browser }) => {
  const name = `Rejected E2E ${Date.now().toString(36)}`;
  await page.goto(`/profiles?workflow=${E2E_WORKFLOW.id}&status=REJECTED&sort=name&dir=asc`);
  await clickUntil(page.getByRole("button", { name: "Views" }), page.getByRole("menuitem", { name: "Save current view…" }));
  await page.getByRole("menuitem", { name: "Save current view…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save this view" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Share with everyone").check();
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toBeHidden();

  await page.goto("/profiles");
  await page.reload();
  await clickUntil(page.getByRole("button", { name: "Views" }), page.getByRole("menuitem", { name: new RegExp(`^${name}`) }));
  await page.getByRole("menuitem", { name: new RegExp(`^${name}`) }).click();
  await expect(page).toHaveURL(/status=REJECTED/);
  await expect(page).toHaveURL(new RegExp(`workflow=${E2E_WORKFLOW.id}`));
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  for (const status of await page.getByTestId("profile-status").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))) {
    expect(status).toBe("REJECTED");
  }

  const other = await browser.newContext({ storageState: storageStateFor("ANALYST") });
  const analyst = await other.newPage();
  await analyst.goto("/profiles");
  await clickUntil(analyst.getByRole("button", { name: "Views" }), analyst.getByRole("menuitem", { name: new RegExp(name) }));
  await other.close();

  await clickUntil(page.getByRole("button", { name: "Views" }), page.getByRole("menuitem", { name: "Rename or delete…" }));
  await page.getByRole("menuitem", { name: "Rename or delete…" }).click();
  const manage = page.getByRole("dialog", { name: "Your saved views" });
  await manage.getByLabel(`Name of ${name}`).fill(`${name} renamed`);
  await manage.getByRole("button", { name: "Rename" }).first().click();
  await expect(page.getByText(`Renamed to "${name} renamed".`)).toBeVisible();
  await manage.getByRole("button", { name: `Delete ${name} renamed` }).click();
  await expect(page.getByText(`View "${name} renamed" deleted.`)).toBeVisible();
});

test("exports the current filter as CSV: the rows match the filter, and the export is audited", async ({ page }) => {
  await page.goto(`/profiles?workflow=${E2E_WORKFLOW.id}&status=PENDING_REVIEW`);
  const total = Number((await page.getByTestId("list-total").innerText()).match(/of (\d+)/)![1]);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  const header = lines[0]!.split(",");
  expect(header.slice(0, 4)).toEqual(["client_id", "name", "email", "status"]);
  expect(lines).toHaveLength(total + 1);
  for (const line of lines.slice(1)) {
    expect(line).toContain(",PENDING_REVIEW,");
    expect(line).toContain(E2E_WORKFLOW.id);
  }
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  try {
    await expect
      .poll(async () => {
        const { rows } = await pool.query<{ details: { rowCount: number; filter: string } }>(
          "SELECT details FROM audit_events WHERE action = 'profiles.export' AND actor_email = $1 ORDER BY id DESC LIMIT 1",
          [demoUser("MANAGER").email],
        );
        return rows[0]?.details;
      })
      .toMatchObject({ rowCount: total, filter: expect.stringContaining("status=PENDING_REVIEW") });
  } finally {
    await pool.end();
  }
});

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateFor("ANALYST") });

  test("there is no export, and the export URL answers 403", async ({ page }) => {
    await page.goto("/profiles");
    await expect(page.getByTestId("profile-row").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
    const response = await page.request.get("/api/exports/profiles?status=ACCEPTED");
    expect(response.status()).toBe(403);
  });
});

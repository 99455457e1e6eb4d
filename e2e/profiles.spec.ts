import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./support/users";
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
  await page.getByRole("searchbox", { name: "Search" }).fill("zoe fixture");
  await expect(page).toHaveURL(/q=zoe\+fixture/);
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
  await page.goBack();
  await expect(page.getByTestId("list-total")).toContainText("Rows 26–50");
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page.getByTestId("list-total")).toContainText("Rows 1–25");
  expect(await rowIds(page)).toEqual(first);
  await page.goForward();
  await expect(page.getByTestId("list-total")).toContainText("Rows 26–50");
});

test("keyboard: j/k move the active row, x selects it, Enter opens it, ? shows the keys", async ({ page }) => {
  await page.goto(`/profiles?workflow=${E2E_WORKFLOW.id}&sort=name&dir=asc`);
  await expect(rows(page).first()).toBeVisible();
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  const active = page.locator('[data-testid="profile-row"][data-active="true"]');
  await expect(active).toHaveCount(1);
  await expect(active).toHaveAttribute("data-row-id", (await rows(page).first().getAttribute("data-row-id"))!);
  await page.keyboard.press("x");
  await expect(page.getByTestId("selection-count")).toHaveText("1 selected on this page");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
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

test("a garbage URL renders the default list with a notice, not an error page", async ({ page }) => {
  const response = await page.goto("/profiles?page=-3&sort=nope&status=%00&cursor=zzz&size=7");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("list-notice")).toContainText("not understood");
  await expect(page.getByTestId("list-notice")).toContainText('Unknown sort "nope"');
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Sort by Last modified, descending" })).toBeVisible();
});

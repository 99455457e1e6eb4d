import { expect, test, type Page } from "@playwright/test";
import { seedProfilesWorld } from "./support/profiles-world";
import { storageStateFor } from "./support/users";

// The overview's charts as a manager uses them: numbers drawn on the bars, and each bar a link that
// opens the filtered list with as many rows as the bar counted (by mouse and by keyboard).

test.use({ storageState: storageStateFor("MANAGER") });
// Other journeys seed their profiles when they start; seeding first (once, under their lock) keeps
// that from landing between reading a bar and counting its list. Status changes elsewhere do not
// move profiles between creation periods, and no journey changes executions' decisions or feedback.
test.beforeAll(seedProfilesWorld);

/** The list's own total ("Rows 1–12 of 12"), as a number. */
async function listTotal(page: Page): Promise<number> {
  const text = await page.getByTestId("list-total").innerText();
  return text === "No rows" ? 0 : Number(/of ([\d,]+)/.exec(text)![1]!.replace(/,/g, ""));
}

test("the charts render with their numbers and a text alternative", async ({ page }) => {
  await page.goto("/?range=12m");
  for (const id of ["chart-status", "chart-decisions-JUMIO", "chart-decisions-TRUSTX", "chart-backlog", "chart-feedback"]) {
    await expect(page.getByTestId(id)).toBeVisible();
  }
  const status = page.getByTestId("chart-status");
  // A year of the sandbox's profiles: bars with their totals written above them.
  const totals = status.getByTestId("chart-total");
  expect(await totals.count()).toBeGreaterThan(0);
  // SVG text has no innerText; its textContent is what is drawn.
  const drawn = await totals.evaluateAll((els) => els.map((e) => Number(e.textContent)));
  expect(drawn.every((n) => n > 0)).toBe(true);
  expect(await status.getByTestId("chart-segment").first().getAttribute("aria-label")).toMatch(/^(Week of \d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{4})( \(so far\))?, .+: \d+ profiles?$/);

  // The table behind the disclosure holds the same totals, row by row.
  await status.getByText("Show as a table").click();
  const table = status.getByRole("table", { name: "Profiles by status over time" });
  await expect(table).toBeVisible();
  const rows = await table.locator("tbody tr").count();
  expect(rows).toBe(12);
  await page.getByRole("link", { name: "12 weeks" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "12 weeks" })).toHaveAttribute("aria-current", "page");
});

test("a bar of profiles by status opens the profiles list with as many rows", async ({ page }) => {
  await page.goto("/?range=12m");
  const total = page.getByTestId("chart-status").getByTestId("chart-total").last();
  const count = Number(await total.getAttribute("data-count"));
  expect(count).toBeGreaterThan(0);
  await total.click();
  await expect(page).toHaveURL(/\/profiles\?createdFrom=\d{4}-\d{2}-\d{2}&createdTo=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId("profile-row").first()).toBeVisible();
  expect(await listTotal(page)).toBe(count);
  await expect(page.getByTestId("profile-row")).toHaveCount(Math.min(count, 50));
});

test("a part of a Jumio decision bar opens from the keyboard, filtered to its decision and period", async ({ page }) => {
  await page.goto("/?range=12m");
  const segment = page.getByTestId("chart-decisions-JUMIO").getByTestId("chart-segment").first();
  const count = Number(await segment.getAttribute("data-count"));
  const label = (await segment.getAttribute("aria-label"))!;
  const decision = /, ([A-Z_]+): \d+ executions?$/.exec(label)![1]!;
  await segment.focus();
  // The readout names what has the focus, for sighted keyboard users.
  await expect(page.getByTestId("chart-decisions-JUMIO").locator("p[aria-hidden]").first()).toContainText(decision);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/executions\\?provider=JUMIO&decision=${decision}&createdFrom=`));
  await expect(page.getByTestId("execution-row").first()).toBeVisible();
  expect(await listTotal(page)).toBe(count);
  for (const d of await page.getByTestId("execution-decision").allInnerTexts()) expect(d).toBe(decision);
});

test("a point of the fraud feedback rate opens the processed Jumio executions with feedback", async ({ page }) => {
  await page.goto("/?range=12m");
  const points = page.getByTestId("chart-feedback").getByTestId("chart-point");
  expect(await points.count()).toBeGreaterThan(0);
  const counts = await points.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))));
  // A period with feedback when there is one, else any: an empty list is as exact as a full one.
  const index = Math.max(0, counts.findIndex((n) => n > 0));
  await points.nth(index).click();
  await expect(page).toHaveURL(/\/executions\?provider=JUMIO&status=PROCESSED&feedback=/);
  await expect(page.getByTestId("list-total")).toBeVisible();
  expect(await listTotal(page)).toBe(counts[index]);
});

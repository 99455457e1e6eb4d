import { expect, test } from "@playwright/test";
import { parseProviderEnv } from "../lib/env";
import { providerConfigsFrom } from "../lib/providers/config";
import { TruliooClient } from "../lib/providers/trulioo/client";
import { storageStateFor } from "./support/users";
import { withStatusLock } from "./support/world";

test.use({ storageState: storageStateFor("MANAGER") });
// One after another: the webhook journey asserts that no sync ran meanwhile.
test.describe.configure({ mode: "serial" });

// The sandbox is the Trulioo here: a status changed there must reach the dashboard through the
// webhook (app -> inbox -> worker -> re-read), with no sync run in between.
test("a status change in Trulioo reaches the overview through a webhook, without a sync", async ({ page }) => {
  // The sandbox's variables are in this process's environment (npm test passes them on).
  const trulioo = new TruliooClient(providerConfigsFrom(parseProviderEnv(process.env)).trulioo!);
  const pending = await trulioo.listClients({ statuses: ["PENDING_REVIEW"], limit: 1 });
  const target = pending.data.valid[0];
  test.skip(!target, "the sandbox data has no profile waiting for review");

  const acceptedCount = async () => {
    await page.goto("/");
    return Number((await page.getByTestId("status-ACCEPTED").locator('[data-slot="card-title"]').innerText()).replace(/,/g, ""));
  };
  // A bulk status change elsewhere (e2e/status.spec.ts) would move the count under our feet.
  const runsBefore = await withStatusLock(async () => {
    const before = await acceptedCount();
    const runs = await page.goto("/sync").then(() => page.getByTestId("sync-run").count());
    const result = await trulioo.updateStatuses([target!.id], "ACCEPTED");
    expect(result.changed).toEqual([target!.id]);
    await expect.poll(acceptedCount, { timeout: 30_000, intervals: [500, 1000, 2000] }).toBe(before + 1);
    return runs;
  });

  await page.goto("/sync");
  const event = page.getByTestId("webhook-event").filter({ hasText: "MANUALLY_ACCEPTED" }).filter({ hasText: target!.id });
  await expect(event.first()).toContainText("processed");
  expect(await page.getByTestId("sync-run").count()).toBe(runsBefore);

  // The inbox at a glance: nothing waits, the event just drained shows in the last minute's rate.
  const health = page.getByTestId("inbox-health");
  await expect(health).toHaveAttribute("data-alert", "false");
  await expect(page.getByTestId("inbox-depth")).toHaveText("0");
  await expect(page.getByTestId("inbox-oldest")).toHaveText("—");
  await expect(page.getByTestId("inbox-rate")).not.toHaveText("0 / min");
  await expect(health.getByRole("status")).toHaveText("Up to date");
});

test("a manager starts a sync from the sync page and sees it finish", async ({ page }) => {
  await page.goto("/sync");
  // Other journeys may start runs meanwhile: this one is found by who asked for it.
  const runs = page.getByTestId("sync-run").filter({ hasText: "by manager@demo.compliance.desk" }).filter({ hasText: /incremental/i });
  const before = await runs.count();
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText("Sync queued.")).toBeVisible();
  await expect(runs).toHaveCount(before + 1, { timeout: 15_000 });
  await expect(runs.first()).toHaveAttribute("data-state", "SUCCEEDED", { timeout: 30_000 });
});

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateFor("ANALYST") });

  test("the sync page is readable but offers no sync buttons", async ({ page }) => {
    await page.goto("/sync");
    await expect(page.getByRole("heading", { name: "Sync", exact: true })).toBeVisible();
    await expect(page.getByTestId("provider-trulioo")).toContainText("connected");
    await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);
  });
});

import { mkdir } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { demoUser, storageStateFor } from "./support/users";
import { db, latestAudit } from "./support/world";

// The go-live check from /sync: an admin runs it and sees every provider read accepted (the journeys run
// against the sandbox, which serves the contract); an analyst has no button, and the server refuses them
// the action replayed from their own session. E2E_SHOTS_DIR, when set, keeps screenshots.

const CALLS = 20;

async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

test("an admin checks the connection on /sync and sees every call accepted; an analyst is refused by the server", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await browser.newContext({ storageState: storageStateFor("ADMIN") });
  const page = await admin.newPage();
  await page.goto("/sync");
  const panel = page.getByTestId("connection-check");
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await panel.getByRole("button", { name: "Check connection" }).click();
  const action = await captured;
  const rows = panel.getByTestId("connection-check-results").locator("tbody tr");
  await expect(rows).toHaveCount(CALLS, { timeout: 60_000 });
  await expect(panel.getByText(/^OK: 20 accepted, 0 differ, 0 unreachable, 0 skipped/)).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row).toHaveAttribute("data-outcome", "accepted");
    await expect(row.getByText(/^Accepted/)).toBeVisible();
  }
  for (const call of ["E3 GET /v2/query/client/{clientId}", "J7 GET /api/v1/accounts/{accountId}/workflow-executions/{executionId}/pdf", "X7 GET /api/userdata-server/"]) {
    await expect(rows.filter({ hasText: call })).toHaveCount(1);
  }
  await shot(page, "providers-check-admin");
  const audit = await latestAudit("providers.check", demoUser("ADMIN").email);
  expect(audit?.details).toMatchObject({ ok: true, counts: { accepted: CALLS, failed: 0, differs: 0 }, notAccepted: [] });

  const analyst = await browser.newContext({ storageState: storageStateFor("ANALYST") });
  const view = await analyst.newPage();
  await view.goto("/sync");
  await expect(view.getByRole("heading", { name: "Sync", exact: true })).toBeVisible();
  await expect(view.getByTestId("connection-check")).toHaveCount(0);
  await expect(view.getByRole("button", { name: "Check connection" })).toHaveCount(0);
  await shot(view, "providers-check-analyst");
  const analystEmail = demoUser("ANALYST").email;
  const before = await db().query("SELECT 1 FROM audit_events WHERE action = 'providers.check' AND actor_email = $1 AND outcome = 'SUCCESS'", [analystEmail]);
  const replay = await analyst.request.post(new URL(action.url()).pathname, {
    headers: { "next-action": action.headers()["next-action"]!, "content-type": action.headers()["content-type"] ?? "text/plain;charset=UTF-8", origin: new URL(view.url()).origin, accept: "text/x-component" },
    data: action.postData() ?? "",
  });
  expect(await replay.text()).toContain("Your role does not allow this action.");
  const after = await db().query("SELECT 1 FROM audit_events WHERE action = 'providers.check' AND actor_email = $1 AND outcome = 'SUCCESS'", [analystEmail]);
  expect(after.rowCount).toBe(before.rowCount);
  const denied = await latestAudit("permission.denied", analystEmail);
  expect(denied?.details).toMatchObject({ permission: "providers.check", resource: "action:providers.check" });
  await admin.close();
  await analyst.close();
});

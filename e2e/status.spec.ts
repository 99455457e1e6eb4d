import { expect, test, type Browser, type Locator, type Page, type Request } from "@playwright/test";
import { parseProviderEnv } from "../lib/env";
import { providerConfigsFrom } from "../lib/providers/config";
import { TruliooClient } from "../lib/providers/trulioo/client";
import { clickUntil, demoUser, storageStateFor } from "./support/users";
import { db, withStatusLock } from "./support/world";

// Statuses set by hand (issue 15): one from the case page, many from the list as a job. Only the
// sandbox's own profiles are used (the profiles journeys' world is not in Trulioo), and nothing is set
// from or to Accepted outside the status lock, which the webhook journey holds while it counts those.
test.describe.configure({ mode: "serial" });

const trulioo = () => new TruliooClient(providerConfigsFrom(parseProviderEnv(process.env)).trulioo!);
const E2E_WORLD_WORKFLOW = "wf-e2e-review";

async function sandboxWorkflows(): Promise<string> {
  const { rows } = await db().query<{ w: string }>(
    "SELECT DISTINCT unnest(workflow_ids) AS w FROM profiles WHERE NOT ($1 = ANY(workflow_ids)) ORDER BY 1",
    [E2E_WORLD_WORKFLOW],
  );
  return rows.map((r) => r.w).join(",");
}

async function statusOf(id: string): Promise<string> {
  return (await db().query<{ status: string }>("SELECT status FROM profiles WHERE id = $1::uuid", [id])).rows[0]!.status;
}

async function pickReason(page: Page, scope: Locator, reason: string) {
  await scope.getByRole("combobox", { name: /Reason/ }).click();
  await page.getByRole("option", { name: reason, exact: true }).click();
}

/** The job the dialog started, from the link in its toast, once it has finished. */
async function finishedJob(page: Page) {
  const href = await page.getByTestId("bulk-job-link").getAttribute("href");
  const jobId = /^\/jobs\/([0-9a-f-]{36})$/.exec(href ?? "")?.[1];
  expect(jobId, `job link ${href}`).toBeTruthy();
  const read = async () => (await db().query<{ state: string; done: number; failed: number; skipped: number; total: number }>("SELECT state, done, failed, skipped, total FROM jobs WHERE id = $1::uuid", [jobId])).rows[0]!;
  await expect.poll(async () => (await read()).state, { timeout: 60_000, intervals: [250, 500, 1000] }).toMatch(/^(SUCCEEDED|PARTIAL|FAILED|CANCELLED)$/);
  return { id: jobId!, ...(await read()) };
}

async function selectRows(page: Page, count: number): Promise<string[]> {
  const rows = page.getByTestId("profile-row");
  await clickUntil(rows.first().getByRole("checkbox", { name: "Select row" }), page.getByTestId("selection-bar"));
  for (let i = 1; i < count; i++) await rows.nth(i).getByRole("checkbox", { name: "Select row" }).check();
  await expect(page.getByTestId("selection-count")).toHaveText(`${count} selected on this page`);
  return Promise.all(Array.from({ length: count }, async (_, i) => (await rows.nth(i).getAttribute("data-row-id"))!));
}

let capturedBulkRequest: Request | null = null;

test("an analyst sets one profile's status from its page; Rejected asks for a reason first", async ({ browser }) => {
  const { rows } = await db().query<{ id: string }>(
    "SELECT id::text FROM profiles WHERE status = 'COMPLETED' AND pii_wiped_at IS NULL AND NOT ($1 = ANY(workflow_ids)) ORDER BY id DESC LIMIT 1",
    [E2E_WORLD_WORKFLOW],
  );
  const id = rows[0]!.id;
  const context = await browser.newContext({ storageState: storageStateFor("ANALYST") });
  const page = await context.newPage();
  await page.goto(`/profiles/${id}`);
  const dialog = page.getByTestId("status-change-dialog");
  await clickUntil(page.getByTestId("change-status"), dialog);
  // From Completed the contract allows three statuses, and only those are offered.
  await expect(dialog.getByRole("radio")).toHaveCount(3);
  await dialog.getByRole("radio", { name: "Rejected" }).check();
  await dialog.getByTestId("confirm-status").click();
  await expect(dialog.getByTestId("reason-error")).toHaveText("Give a reason for rejecting.");
  expect(await statusOf(id)).toBe("COMPLETED");

  await pickReason(page, dialog, "Document appears forged or altered");
  await dialog.getByTestId("confirm-status").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("profile-status")).toHaveAttribute("data-status", "REJECTED");
  await expect(page.getByTestId("status-changed")).toContainText("here");
  expect((await trulioo().getClient(id)).client.status).toBe("REJECTED");
  const audited = await db().query("SELECT outcome, details FROM audit_events WHERE action = 'profile.status_change' AND target_id = $1 ORDER BY id DESC LIMIT 1", [id]);
  expect(audited.rows[0]).toMatchObject({ outcome: "SUCCESS", details: { from: "COMPLETED", to: "REJECTED", reason: "Document appears forged or altered" } });

  // A reason of one's own, for a status that does not need one.
  await clickUntil(page.getByTestId("change-status"), dialog);
  await dialog.getByRole("radio", { name: "Waiting for review" }).check();
  await pickReason(page, dialog, "Other…");
  await dialog.getByRole("textbox", { name: "Reason in your own words" }).fill("Second look asked by the e2e journey");
  await dialog.getByTestId("confirm-status").click();
  await expect(page.getByTestId("profile-status")).toHaveAttribute("data-status", "PENDING_REVIEW");
  const second = await db().query("SELECT details FROM audit_events WHERE action = 'profile.status_change' AND target_id = $1 ORDER BY id DESC LIMIT 1", [id]);
  expect(second.rows[0]?.details).toMatchObject({ from: "REJECTED", to: "PENDING_REVIEW", reason: "Second look asked by the e2e journey" });
  await context.close();
});

test("a manager sets 3 selected profiles as a job, and the list shows their new status", async ({ browser }) => {
  const workflows = await sandboxWorkflows();
  const context = await browser.newContext({ storageState: storageStateFor("MANAGER") });
  const page = await context.newPage();
  await page.goto(`/profiles?status=COMPLETED&workflow=${workflows}`);
  const ids = await selectRows(page, 3);
  const dialog = page.getByTestId("bulk-status-dialog");
  await page.getByTestId("bulk-change-status").click();
  await expect(dialog).toContainText("Change the status of 3 selected profiles");
  await dialog.getByRole("radio", { name: "Rejected" }).check();
  const preview = dialog.getByTestId("bulk-preview");
  await expect(preview).toContainText("3 profiles in the selection now. All will be sent to Trulioo");
  await expect(preview).toContainText("Completed");
  await pickReason(page, dialog, "Information inconsistent across sources");
  const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]) && (r.postData() ?? "").includes("Information inconsistent"));
  await dialog.getByTestId("confirm-bulk-status").click();
  capturedBulkRequest = await request;
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("selection-bar")).toBeHidden();

  const job = await finishedJob(page);
  expect(job).toMatchObject({ state: "SUCCEEDED", total: 3, done: 3, failed: 0 });
  await page.goto(`/profiles?workflow=${workflows}&size=100`);
  for (const id of ids) await expect(page.locator(`[data-row-id="${id}"]`).getByTestId("profile-status")).toHaveAttribute("data-status", "REJECTED");
  const perItem = await db().query("SELECT 1 FROM audit_events WHERE action = 'profile.status_change' AND details->>'jobId' = $1 AND outcome = 'SUCCESS'", [job.id]);
  expect(perItem.rowCount).toBe(3);
  expect((await db().query("SELECT 1 FROM audit_events WHERE action = 'profiles.bulk_status' AND target_id = $1", [job.id])).rowCount).toBe(1);
  await context.close();
});

test("an analyst gets no bulk action, and the server refuses it from them, on record", async ({ browser }) => {
  expect(capturedBulkRequest, "the manager's journey captured its request").not.toBeNull();
  const action = capturedBulkRequest!;
  const context = await browser.newContext({ storageState: storageStateFor("ANALYST") });
  const page = await context.newPage();
  await page.goto(`/profiles?workflow=${await sandboxWorkflows()}`);
  await selectRows(page, 1);
  await expect(page.getByTestId("bulk-change-status")).toHaveCount(0);

  const analyst = demoUser("ANALYST").email;
  const jobsBefore = (await db().query("SELECT 1 FROM jobs WHERE requested_by_email = $1", [analyst])).rowCount;
  const replay = await context.request.post(new URL(action.url()).pathname + new URL(action.url()).search, {
    headers: { "next-action": action.headers()["next-action"]!, "content-type": action.headers()["content-type"] ?? "text/plain;charset=UTF-8", origin: new URL(page.url()).origin, accept: "text/x-component" },
    data: action.postData() ?? "",
  });
  const answer = await replay.text();
  expect(answer).toContain("Your role does not allow this action.");
  expect(answer).toContain("FORBIDDEN");
  expect((await db().query("SELECT 1 FROM jobs WHERE requested_by_email = $1", [analyst])).rowCount).toBe(jobsBefore);
  const denied = await db().query(
    "SELECT details FROM audit_events WHERE action = 'permission.denied' AND actor_email = $1 AND details->>'permission' = 'profiles.bulkStatus' ORDER BY id DESC LIMIT 1",
    [analyst],
  );
  expect(denied.rows[0]?.details).toMatchObject({ permission: "profiles.bulkStatus" });
  await context.close();
});

test("a change Trulioo refuses (our copy stale) fails that item with Trulioo's code and words", async ({ browser }) => {
  const workflows = await sandboxWorkflows();
  const { rows } = await db().query<{ id: string }>(
    "SELECT id::text FROM profiles WHERE status = 'COMPLETED' AND pii_wiped_at IS NULL AND NOT ($1 = ANY(workflow_ids)) ORDER BY id LIMIT 1",
    [E2E_WORLD_WORKFLOW],
  );
  const id = rows[0]!.id;
  // Our copy says in progress, from where the rules allow Abandoned; Trulioo has it completed, and refuses.
  await db().query("UPDATE profiles SET status = 'IN_PROGRESS' WHERE id = $1::uuid", [id]);
  try {
    const context = await browser.newContext({ storageState: storageStateFor("MANAGER") });
    const page = await context.newPage();
    await page.goto(`/profiles?status=IN_PROGRESS&workflow=${workflows}`);
    await selectRows(page, 1);
    const dialog = page.getByTestId("bulk-status-dialog");
    await page.getByTestId("bulk-change-status").click();
    await dialog.getByRole("radio", { name: "Abandoned" }).check();
    await expect(dialog.getByTestId("bulk-preview")).toContainText("1 profile in the selection now");
    await dialog.getByTestId("confirm-bulk-status").click();
    const job = await finishedJob(page);
    expect(job).toMatchObject({ state: "PARTIAL", total: 1, done: 0, failed: 1 });
    const item = await db().query<{ state: string; code: string; message: string }>("SELECT state, code, message FROM job_items WHERE job_id = $1::uuid", [job.id]);
    expect(item.rows).toEqual([{ state: "FAILED", code: "4111", message: "Trulioo 4111: Status transition not permitted" }]);
    expect(await statusOf(id)).toBe("IN_PROGRESS");
    expect((await trulioo().getClient(id)).client.status).toBe("COMPLETED");
    await context.close();
  } finally {
    await db().query("UPDATE profiles SET status = 'COMPLETED' WHERE id = $1::uuid AND status = 'IN_PROGRESS'", [id]);
  }
});

test("a manager sets all profiles matching a filter; the rules' refusals are shown before anything is sent", async ({ browser }) => {
  await withStatusLock(async () => {
    const workflows = await sandboxWorkflows();
    const { rows: before } = await db().query<{ id: string; status: string }>(
      "SELECT id::text, status FROM profiles WHERE workflow_ids && string_to_array($1, ',') AND status IN ('ACCEPTED', 'COMPLETED', 'REJECTED', 'PENDING_REVIEW')",
      [workflows],
    );
    expect(before.length).toBeGreaterThan(25);
    try {
      await setAllMatching(browser, `status=ACCEPTED,COMPLETED,REJECTED,PENDING_REVIEW&workflow=${workflows}`, before.length);
    } finally {
      // Back where they were, as far as the rules allow (nothing returns to Completed): Trulioo, then our copy.
      for (const status of ["ACCEPTED", "REJECTED"] as const) {
        const ids = before.filter((p) => p.status === status).map((p) => p.id);
        if (ids.length) await trulioo().updateStatuses(ids, status);
        await db().query("UPDATE profiles SET status = $2 WHERE id = ANY($1::uuid[])", [ids, status]);
      }
    }
  });
});

async function setAllMatching(browser: Browser, filter: string, total: number) {
  const context = await browser.newContext({ storageState: storageStateFor("MANAGER") });
  const page = await context.newPage();
  // Pages of 25, so that "all matching" is more than the page.
  await page.goto(`/profiles?${filter}&size=25`);
  await clickUntil(page.getByRole("checkbox", { name: "Select all rows on this page" }), page.getByTestId("selection-bar"));
  await page.getByRole("button", { name: `Select all ${total} matching this filter` }).click();
  await expect(page.getByTestId("selection-count")).toHaveText(`All ${total} matching this filter selected`);
  const dialog = page.getByTestId("bulk-status-dialog");
  await page.getByTestId("bulk-change-status").click();
  await expect(dialog).toContainText(`all ${total} profiles matching this filter`);

  // Abandoned is allowed from none of them: the dialog says why, by status, and offers nothing to confirm.
  await dialog.getByRole("radio", { name: "Abandoned" }).check();
  const refused = dialog.getByTestId("bulk-preview-refused");
  await expect(refused).toContainText("Trulioo does not allow COMPLETED → ABANDONED.");
  await expect(refused).toContainText("Trulioo does not allow ACCEPTED → ABANDONED.");
  await expect(dialog.getByTestId("confirm-bulk-status")).toBeDisabled();

  await dialog.getByRole("radio", { name: "Waiting for review" }).check();
  const preview = dialog.getByTestId("bulk-preview");
  await expect(preview).toContainText(`${total} profiles in the selection now. All will be sent to Trulioo`);
  await expect(dialog.getByTestId("bulk-preview-unchanged")).toContainText("already Waiting for review");
  await expect(dialog.getByTestId("bulk-preview-refused")).toHaveCount(0);
  await dialog.getByTestId("confirm-bulk-status").click();
  const job = await finishedJob(page);
  expect(job).toMatchObject({ state: "SUCCEEDED", total, done: total, failed: 0, skipped: 0 });

  await page.goto(`/profiles?${filter.replace("status=ACCEPTED,COMPLETED,REJECTED,PENDING_REVIEW", "status=ACCEPTED,COMPLETED,REJECTED")}`);
  await expect(page.getByText("No profiles match")).toBeVisible();
  await page.goto(`/profiles?${filter.replace("status=ACCEPTED,COMPLETED,REJECTED,PENDING_REVIEW", "status=PENDING_REVIEW")}&size=100`);
  await expect(page.getByTestId("profile-row")).toHaveCount(total);
  await context.close();
}

import { expect, test, type Page, type Request } from "@playwright/test";
import { demoUser, storageStateFor } from "./support/users";
import { db, seedUser } from "./support/world";

// The Jobs page (issue 15): four eyes on a large bulk change, progress as the worker runs it, "retry the
// failed ones", cancel, and read-only for analysts. Jobs are written straight into the tables; the
// worker of the e2e stage runs them against the sandbox. Every item sets a profile to the status it
// already has (a no-op upstream), so these journeys change no profile other specs look at.

type TItem = { id: string; before: string; state?: "PENDING" | "DONE" | "FAILED" | "SKIPPED"; code?: string; message?: string };

async function profilesOneStatus(count: number, offset = 0): Promise<{ status: string; ids: string[] }> {
  const { rows } = await db().query<{ status: string; ids: string[] }>(
    `SELECT status, (array_agg(id::text ORDER BY id))[$2::int + 1:$2::int + $1::int] AS ids FROM profiles
     WHERE status IN ('ACCEPTED', 'REJECTED', 'PENDING_REVIEW') AND pii_wiped_at IS NULL
       -- Clients Trulioo has: the profiles journeys seed local-only ones into a workflow of their own.
       AND NOT ('wf-e2e-review' = ANY(workflow_ids))
     GROUP BY status ORDER BY count(*) DESC LIMIT 1`,
    [count, offset],
  );
  expect(rows[0]?.ids.length).toBe(count);
  return rows[0]!;
}

async function userId(email: string): Promise<string> {
  return (await db().query<{ id: string }>("SELECT id::text FROM users WHERE email = $1", [email])).rows[0]!.id;
}

async function insertJob(job: { title: string; state: string; requestedBy: { id: string; email: string }; status: string; items: TItem[]; approvalRequired?: boolean }): Promise<string> {
  const count = (s: string) => job.items.filter((i) => (i.state ?? "PENDING") === s).length;
  const finished = ["SUCCEEDED", "PARTIAL", "FAILED", "CANCELLED", "REJECTED"].includes(job.state);
  const { rows } = await db().query<{ id: string }>(
    `INSERT INTO jobs (id, kind, state, payload, title, requested_by_id, requested_by_email, total, done, failed, skipped, approval_required, started_at, finished_at)
     VALUES (gen_random_uuid(), 'profiles.bulk_status', $1::"JobState", $2::jsonb, $3, $4::uuid, $5, $6, $7, $8, $9, $10,
             CASE WHEN $11 THEN now() - interval '40 seconds' END, CASE WHEN $11 THEN now() END) RETURNING id::text`,
    [job.state, JSON.stringify({ status: job.status, reason: null }), job.title, job.requestedBy.id, job.requestedBy.email, job.items.length, count("DONE"), count("FAILED"), count("SKIPPED"), job.approvalRequired ?? false, finished],
  );
  const id = rows[0]!.id;
  for (const [seq, item] of job.items.entries()) {
    await db().query(
      `INSERT INTO job_items (job_id, seq, subject_id, before, state, code, message, finished_at)
       VALUES ($1::uuid, $2, $3, $4, $5::"JobItemState", $6, $7, CASE WHEN $5 <> 'PENDING' THEN now() END)`,
      [id, seq, item.id, item.before, item.state ?? "PENDING", item.code ?? null, item.message ?? null],
    );
  }
  return id;
}

/** Replays a captured server action with another job's id, from `page`'s session: what a hand-made request would do. */
async function replay(page: Page, action: Request, from: string, to: string) {
  const res = await page.request.post(new URL(action.url()).pathname, {
    headers: { "next-action": action.headers()["next-action"]!, "content-type": action.headers()["content-type"] ?? "text/plain;charset=UTF-8", origin: new URL(page.url()).origin, accept: "text/x-component" },
    data: (action.postData() ?? "").replace(from, to),
  });
  return res.text();
}

const stateOf = async (id: string) => (await db().query<{ state: string }>("SELECT state::text FROM jobs WHERE id = $1::uuid", [id])).rows[0]!.state;
/** Closes a job a journey left waiting, as a cancel would, so the list shows it whole. */
const closeJob = async (id: string) => {
  await db().query("UPDATE job_items SET state = 'SKIPPED', message = 'Not sent: the job was cancelled.', finished_at = now() WHERE job_id = $1::uuid AND state = 'PENDING'", [id]);
  await db().query("UPDATE jobs SET state = 'CANCELLED', skipped = total - done - failed, finished_at = now() WHERE id = $1::uuid", [id]);
};
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test("a second manager approves a large change, watches it run to 100 %; the requester gets no panel and the server refuses them", async ({ browser }) => {
  test.setTimeout(90_000);
  const requester = await seedUser("MANAGER", { label: "jobs-requester" });
  const manager = demoUser("MANAGER");
  const managerRef = { id: await userId(manager.email), email: manager.email };
  const { status, ids } = await profilesOneStatus(4);
  const items = ids.map((id) => ({ id, before: status }));
  const tag = stamp();
  const theirs = await insertJob({ title: `Set 4 profiles to ${status} (e2e ${tag})`, state: "AWAITING_APPROVAL", requestedBy: requester, status, items, approvalRequired: true });
  const own = await insertJob({ title: `Own change (e2e ${tag})`, state: "AWAITING_APPROVAL", requestedBy: managerRef, status, items, approvalRequired: true });

  const context = await browser.newContext({ storageState: storageStateFor("MANAGER") });
  const page = await context.newPage();
  await page.goto("/jobs?state=AWAITING_APPROVAL");
  const row = page.getByTestId("job-row").filter({ hasText: `e2e ${tag})` }).filter({ hasText: "Set 4" });
  await expect(row.getByTestId("job-state")).toHaveText("Awaiting approval");
  await expect(page.getByTestId("sync-runs-link")).toHaveAttribute("href", "/sync");
  await row.getByTestId("job-link").click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${theirs}`));

  const panel = page.getByTestId("approval-panel");
  await expect(panel).toContainText(requester.email);
  await panel.getByLabel(/Reason/).fill("Checked the selection with the team");
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await panel.getByTestId("approve-job").click();
  const action = await captured;
  // The worker runs it against the sandbox; the page refreshes itself while it is queued or running.
  await expect(page.getByTestId("job-progress").first()).toHaveAttribute("data-percent", "100", { timeout: 45_000 });
  await expect(page.getByTestId("job-state").first()).toHaveText("Succeeded");
  await expect(page.getByTestId("approval-panel")).toHaveCount(0);
  await expect(page.getByTestId("job-facts")).toContainText(`Approved by ${manager.email}`);
  await expect(page.getByTestId("job-facts")).toContainText("Checked the selection with the team");
  await expect(page.getByTestId("job-item-row")).toHaveCount(4);
  for (const state of await page.getByTestId("item-state").allInnerTexts()) expect(state).toBe("Done");
  const decided = await db().query("SELECT decided_by_id::text AS by, state::text FROM jobs WHERE id = $1::uuid", [theirs]);
  expect(decided.rows[0]).toEqual({ by: managerRef.id, state: "SUCCEEDED" });

  // Their own request: no panel, a notice, and the same action sent by hand is refused.
  await page.goto(`/jobs/${own}`);
  await expect(page.getByTestId("awaiting-notice")).toContainText("You asked for this change");
  await expect(page.getByTestId("approval-panel")).toHaveCount(0);
  expect(await replay(page, action, theirs, own)).toContain("You asked for this job");
  expect(await stateOf(own)).toBe("AWAITING_APPROVAL");
  const denied = await db().query("SELECT 1 FROM audit_events WHERE action = 'job.approve' AND outcome = 'DENIED' AND target_id = $1", [own]);
  expect(denied.rowCount).toBe(1);
  await closeJob(own);
  await context.close();
});

test("'Retry the failed ones' makes a new job over exactly the failed ids", async ({ browser }) => {
  test.setTimeout(60_000);
  const requester = await seedUser("MANAGER", { label: "jobs-retry" });
  const { status, ids } = await profilesOneStatus(5, 4);
  const items: TItem[] = [
    { id: ids[0]!, before: status, state: "DONE" },
    { id: ids[1]!, before: status, state: "FAILED", code: "4111", message: "Trulioo 4111: transition not allowed" },
    { id: ids[2]!, before: status, state: "DONE" },
    { id: ids[3]!, before: status, state: "FAILED", code: "503", message: "Not sent: the job stopped (Trulioo failed)." },
    { id: ids[4]!, before: status, state: "SKIPPED", code: "rules", message: "Trulioo does not allow it." },
  ];
  const original = await insertJob({ title: `Partly failed change (e2e ${stamp()})`, state: "PARTIAL", requestedBy: requester, status, items });

  const context = await browser.newContext({ storageState: storageStateFor("MANAGER") });
  const page = await context.newPage();
  await page.goto(`/jobs/${original}?state=FAILED`);
  await expect(page.getByTestId("job-item-row")).toHaveCount(2);
  await expect(page.getByTestId("job-items")).toContainText("4111");
  await page.getByTestId("retry-failed").filter({ hasText: "Retry the failed ones (2)" }).click();
  await expect(page).not.toHaveURL(new RegExp(`/jobs/${original}`));
  const retry = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByTestId("job-relations")).toContainText("Retries the failed items of");
  const made = await db().query<{ retry_of_id: string; requested_by_email: string }>("SELECT retry_of_id::text, requested_by_email FROM jobs WHERE id = $1::uuid", [retry]);
  expect(made.rows[0]).toEqual({ retry_of_id: original, requested_by_email: demoUser("MANAGER").email });
  const subjects = await db().query<{ subject_id: string }>("SELECT subject_id FROM job_items WHERE job_id = $1::uuid ORDER BY subject_id", [retry]);
  expect(subjects.rows.map((r) => r.subject_id)).toEqual([ids[1]!, ids[3]!].sort());
  // The worker runs the retry; both were no-ops upstream all along, so now they go through.
  await expect(page.getByTestId("job-state").first()).toHaveText("Succeeded", { timeout: 30_000 });
  await page.goto(`/jobs/${original}`);
  await expect(page.getByTestId("job-relations")).toContainText("Its failed items retried in");
  await context.close();
});

test("a manager cancels a queued job; an analyst sees the jobs read-only and the server refuses their cancel", async ({ browser }) => {
  const requester = await seedUser("MANAGER", { label: "jobs-cancel" });
  const { status, ids } = await profilesOneStatus(3, 9);
  const items = ids.map((id) => ({ id, before: status }));
  const tag = stamp();
  // Not handed to the queue: the worker's recovery check only takes queued jobs older than a minute.
  const queued = await insertJob({ title: `Queued change (e2e ${tag})`, state: "QUEUED", requestedBy: requester, status, items });
  const second = await insertJob({ title: `Second queued change (e2e ${tag})`, state: "QUEUED", requestedBy: requester, status, items });

  const context = await browser.newContext({ storageState: storageStateFor("MANAGER") });
  const page = await context.newPage();
  await page.goto(`/jobs/${queued}`);
  await page.getByTestId("cancel-job").click();
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByTestId("confirm-cancel").click();
  const action = await captured;
  await expect(page.getByTestId("job-state").first()).toHaveText("Cancelled");
  await expect(page.getByTestId("cancel-job")).toHaveCount(0);
  const closed = await db().query<{ state: string; message: string }>("SELECT state::text, message FROM job_items WHERE job_id = $1::uuid", [queued]);
  expect(closed.rows).toEqual(Array(3).fill({ state: "SKIPPED", message: "Not sent: the job was cancelled." }));
  expect((await db().query("SELECT 1 FROM audit_events WHERE action = 'job.cancel' AND target_id = $1", [queued])).rowCount).toBe(1);
  await context.close();

  const analyst = await browser.newContext({ storageState: storageStateFor("ANALYST") });
  const view = await analyst.newPage();
  await view.goto("/jobs");
  await expect(view.getByTestId("job-row").filter({ hasText: `Second queued change (e2e ${tag})` })).toBeVisible();
  await view.goto(`/jobs/${second}`);
  await expect(view.getByTestId("job-state").first()).toHaveText("Queued");
  await expect(view.getByTestId("cancel-job")).toHaveCount(0);
  await expect(view.getByTestId("approval-panel")).toHaveCount(0);
  await expect(view.getByTestId("retry-failed")).toHaveCount(0);
  expect(await replay(view, action, queued, second)).toContain("Your role does not allow this action.");
  expect(await stateOf(second)).toBe("QUEUED");
  await closeJob(second);
  await analyst.close();
});

test("a job that does not exist, or a malformed id, is a 404", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("AUDITOR") });
  const page = await context.newPage();
  expect((await page.goto("/jobs/not-a-job"))?.status()).toBe(404);
  expect((await page.goto("/jobs/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
  await context.close();
});

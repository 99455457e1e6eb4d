import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/users";
import { db } from "./support/world";

// Case notes of our own on the profile page: written by case workers, read by everyone, refused to auditors.

// Each test takes its own profile without notes, from opposite ends: they run in parallel, and one counts
// the notes of its profile.
async function someProfile(order: "ASC" | "DESC", offset = 3): Promise<string> {
  const { rows } = await db().query<{ id: string }>(
    `SELECT id::text FROM profiles p WHERE pii_wiped_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM case_notes n WHERE n.profile_id = p.id) ORDER BY id ${order} LIMIT 1 OFFSET $1`,
    [offset],
  );
  return rows[0]!.id;
}

test("an analyst adds a case note; an auditor reads it, gets no form, and the server refuses the same action from them", async ({ browser }) => {
  const id = await someProfile("ASC");
  const text = `Zoë's passport checked against the register — ok ${Date.now()}`;

  const analyst = await browser.newContext({ storageState: storageStateFor("ANALYST") });
  const page = await analyst.newPage();
  await page.goto(`/profiles/${id}`);
  const form = page.getByTestId("case-note-form");
  await form.getByLabel("Add a case note").fill(text);
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await form.getByRole("button", { name: "Add note" }).click();
  const action = await captured;
  await expect(page.getByTestId("case-notes")).toContainText(text);
  await page.reload();
  await expect(page.getByTestId("case-notes")).toContainText(text);
  await analyst.close();

  const audited = await db().query("SELECT details FROM audit_events WHERE action = 'profile.note_add' AND target_id = $1 ORDER BY id DESC LIMIT 1", [id]);
  expect(audited.rows[0]?.details).toMatchObject({ length: text.length });
  expect(JSON.stringify(audited.rows[0]?.details)).not.toContain("passport");

  const auditor = await browser.newContext({ storageState: storageStateFor("AUDITOR") });
  const view = await auditor.newPage();
  await view.goto(`/profiles/${id}`);
  await expect(view.getByTestId("case-notes")).toContainText(text);
  await expect(view.getByTestId("case-note-form")).toHaveCount(0);
  const replay = await auditor.request.post(new URL(action.url()).pathname, {
    headers: { "next-action": action.headers()["next-action"]!, "content-type": action.headers()["content-type"] ?? "text/plain;charset=UTF-8", origin: new URL(view.url()).origin, accept: "text/x-component" },
    data: (action.postData() ?? "").replace(text, "written by an auditor"),
  });
  expect(await replay.text()).toContain("Your role does not allow this action.");
  const notes = await db().query("SELECT 1 FROM case_notes WHERE body = 'written by an auditor'");
  expect(notes.rowCount).toBe(0);
  const denied = await db().query(
    "SELECT 1 FROM audit_events WHERE action = 'permission.denied' AND actor_email = 'auditor@demo.compliance.desk' AND details->>'permission' = 'profiles.notes'",
  );
  expect(denied.rowCount).toBeGreaterThanOrEqual(1);
  await auditor.close();
});

test("an empty note is refused with a message, and nothing is stored", async ({ browser }) => {
  const id = await someProfile("DESC");
  const analyst = await browser.newContext({ storageState: storageStateFor("ANALYST") });
  const page = await analyst.newPage();
  await page.goto(`/profiles/${id}`);
  const before = (await db().query("SELECT 1 FROM case_notes WHERE profile_id = $1", [id])).rowCount;
  await page.getByTestId("case-note-form").getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("case-note-form").locator('[data-slot="alert"]')).toHaveText("Write the note first.");
  expect((await db().query("SELECT 1 FROM case_notes WHERE profile_id = $1", [id])).rowCount).toBe(before);
  expect((await db().query("SELECT 1 FROM case_notes WHERE btrim(body) = ''")).rowCount).toBe(0);
  await analyst.close();
});

test("a note holding a NUL character is refused with a message, and nothing is stored", async ({ browser }) => {
  const id = await someProfile("ASC", 6);
  const analyst = await browser.newContext({ storageState: storageStateFor("ANALYST") });
  const page = await analyst.newPage();
  await page.goto(`/profiles/${id}`);
  const form = page.getByTestId("case-note-form");
  await form.getByLabel("Add a case note").fill("pasted from a PDF:\u0000 checked");
  await form.getByRole("button", { name: "Add note" }).click();
  await expect(form.locator('[data-slot="alert"]')).toHaveText(/NUL character/);
  expect((await db().query("SELECT 1 FROM case_notes WHERE profile_id = $1", [id])).rowCount).toBe(0);
  await analyst.close();
});

test("a note action of 1.5 MB (under the edge's 2 MB, over Next's own 1 MB) gets the note's message, not a 500", async ({ browser }) => {
  const id = await someProfile("DESC", 6);
  const analyst = await browser.newContext({ storageState: storageStateFor("ANALYST") });
  const page = await analyst.newPage();
  await page.goto(`/profiles/${id}`);
  const form = page.getByTestId("case-note-form");
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await form.getByRole("button", { name: "Add note" }).click();
  const action = await captured;
  await expect(form.locator('[data-slot="alert"]')).toHaveText("Write the note first.");
  const big = await analyst.request.post(new URL(action.url()).pathname, {
    headers: { "next-action": action.headers()["next-action"]!, "content-type": "text/plain;charset=UTF-8", origin: new URL(page.url()).origin, accept: "text/x-component" },
    data: JSON.stringify([{ profileId: id, body: "x".repeat(1_500_000) }]),
  });
  expect(big.status()).toBe(200);
  expect(await big.text()).toContain("Keep a note under 5,000 characters.");
  expect((await db().query("SELECT 1 FROM case_notes WHERE profile_id = $1", [id])).rowCount).toBe(0);
  await analyst.close();
});

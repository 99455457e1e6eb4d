import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/users";
import { db } from "./support/world";
import { databaseText } from "../tests/support/database-text";

// PII wipes (issue 16): an admin wipes a person through the dialog; the data is gone from the page and
// from every table, downloads answer 410, and a full resync keeps it wiped. Analysts are refused.

const sandboxOrigin = () => new URL(process.env.TRULIOO_EXPORT_URL!).origin;

/** Every row of the e2e database as text (a data-only dump), where a forgotten copy of the person would show. */
const dumpedLines = async (needle: string) =>
  (await databaseText(process.env.DATABASE_URL!))
    .toLowerCase()
    .split("\n")
    .filter((line) => line.includes(needle.toLowerCase()))
    .map((line) => line.slice(0, 200));

/** A sandbox person no other journey uses (indices 33-39), with a file, a Jumio execution and a name of their own. */
async function pickPerson() {
  const ids: string[] = [];
  for (let index = 33; index < 40; index++) {
    const res = await fetch(`${sandboxOrigin()}/_sandbox/trulioo/clients/by-index/${index}`);
    ids.push(((await res.json()) as { id: string }).id);
  }
  const { rows } = await db().query<{ id: string; full_name: string; flow_id: string; element_id: string; position: number; enhanced: boolean }>(
    `SELECT p.id::text, p.full_name, f.flow_id, f.element_id, f.position, f.enhanced FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)
     JOIN profiles p ON p.id = c.id JOIN LATERAL (SELECT * FROM profile_files f WHERE f.profile_id = p.id ORDER BY flow_id, element_id LIMIT 1) f ON true
     WHERE p.pii_wiped_at IS NULL AND p.profile_type = 'NORMAL' AND p.full_name IS NOT NULL
       AND EXISTS (SELECT 1 FROM executions e WHERE e.profile_id = p.id AND e.provider = 'JUMIO')
       AND (SELECT count(*) FROM profiles o WHERE o.full_name = p.full_name) = 1
     ORDER BY c.n LIMIT 1`,
    [ids],
  );
  return { person: rows[0]!, other: ids.find((id) => id !== rows[0]?.id)! };
}

test("an admin wipes a person: gone from the page and the database, files 410, still wiped after a full resync; an analyst is refused", async ({ browser }) => {
  test.setTimeout(180_000);
  const { person, other } = await pickPerson();
  expect(person, "a sandbox person with a file and a Jumio execution").toBeTruthy();
  const fileUrl = `/api/files/trulioo/${person.id}/${encodeURIComponent(person.flow_id)}/${encodeURIComponent(person.element_id)}/${person.position}?enhanced=${person.enhanced ? 1 : 0}`;
  expect((await dumpedLines(person.full_name)).length).toBeGreaterThan(0);

  const adminContext = await browser.newContext({ storageState: storageStateFor("ADMIN") });
  const page = await adminContext.newPage();
  await page.goto(`/profiles/${person.id}`);
  await expect(page.getByRole("heading", { name: person.full_name })).toBeVisible();
  await expect(async () => {
    await page.getByTestId("wipe-profile").click();
    await expect(page.getByTestId("wipe-dialog")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  const dialog = page.getByTestId("wipe-dialog");
  await expect(dialog.getByTestId("wipe-erases")).toContainText("Jumio execution");
  await expect(dialog.getByTestId("wipe-keeps")).toContainText("Trulioo keeps its own copy");
  await expect(dialog.getByTestId("confirm-wipe")).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill(person.id.slice(0, 20));
  await dialog.getByLabel(/Reason/).fill("Erasure request, ticket DPO-77");
  await expect(dialog.getByTestId("confirm-wipe")).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill(person.id);
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await dialog.getByTestId("confirm-wipe").click();
  const action = await captured;
  await expect(page.getByTestId("pii-wiped")).toContainText("PII wiped");
  await expect(page.getByText(person.full_name)).toHaveCount(0);
  await expect(page.getByTestId("flows-wiped")).toBeVisible();
  await expect(page.getByTestId("field-table")).toHaveCount(0);
  await expect(page.getByTestId("wipe-profile")).toHaveCount(0);

  expect(await dumpedLines(person.full_name)).toEqual([]);
  expect((await page.request.get(fileUrl)).status()).toBe(410);
  const audit = await db().query<{ details: Record<string, unknown> }>("SELECT details FROM audit_events WHERE action = 'pii.wipe_profile' AND target_id = $1 AND outcome = 'SUCCESS'", [person.id]);
  expect(audit.rows[0]?.details).toMatchObject({ reason: "Erasure request, ticket DPO-77" });

  // Trulioo still has the person (its API has no delete): a full resync must not bring them back.
  await page.goto("/sync");
  const mine = page.getByTestId("sync-run").filter({ hasText: "by admin@demo.compliance.desk" }).filter({ hasText: /full/i });
  const before = await mine.count();
  await expect(async () => {
    await page.getByRole("button", { name: "Full resync" }).click();
    await expect(page.getByText("Full resync queued.")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(mine).toHaveCount(before + 1, { timeout: 15_000 });
  await expect(mine.first()).toHaveAttribute("data-state", "SUCCEEDED", { timeout: 90_000 });
  await page.goto(`/profiles/${person.id}`);
  await expect(page.getByTestId("pii-wiped")).toBeVisible();
  await expect(page.getByText(person.full_name)).toHaveCount(0);
  expect(await dumpedLines(person.full_name)).toEqual([]);
  expect((await page.request.get(fileUrl)).status()).toBe(410);
  await adminContext.close();

  // An analyst sees no wipe, and the server refuses the admin's request replayed as theirs (on another person).
  const analystContext = await browser.newContext({ storageState: storageStateFor("ANALYST") });
  const view = await analystContext.newPage();
  await view.goto(`/profiles/${other}`);
  await expect(view.getByTestId("profile-status")).toBeVisible();
  await expect(view.getByTestId("wipe-profile")).toHaveCount(0);
  const replay = await analystContext.request.post(new URL(action.url()).pathname, {
    headers: { "next-action": action.headers()["next-action"]!, "content-type": action.headers()["content-type"] ?? "text/plain;charset=UTF-8", origin: new URL(view.url()).origin, accept: "text/x-component" },
    data: (action.postData() ?? "").replaceAll(person.id, other),
  });
  expect(await replay.text()).toContain("Your role does not allow this action.");
  expect((await db().query("SELECT 1 FROM profiles WHERE id = $1::uuid AND pii_wiped_at IS NOT NULL", [other])).rowCount).toBe(0);
  const denied = await db().query(
    "SELECT 1 FROM audit_events WHERE action = 'permission.denied' AND actor_email = 'analyst@demo.compliance.desk' AND details->>'permission' = 'pii.wipe'",
  );
  expect(denied.rowCount).toBeGreaterThanOrEqual(1);
  await analystContext.close();
});

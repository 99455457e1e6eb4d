import { expect, test, type Page } from "@playwright/test";
import { openFlow } from "./support/profile-page";
import { storageStateFor } from "./support/users";
import { db, seedUser } from "./support/world";

// The case page (issue 14): everything an analyst needs to decide, read-only for auditors.

const sandboxOrigin = () => new URL(process.env.TRULIOO_EXPORT_URL!).origin;

/** A client Trulioo (the sandbox) has: the profiles journeys also seed local-only profiles. */
async function upstreamClient(index: number): Promise<string> {
  const res = await fetch(`${sandboxOrigin()}/_sandbox/trulioo/clients/by-index/${index}`);
  return ((await res.json()) as { id: string }).id;
}

/** The first string leaf of a JSON value: something the viewer must be able to find. */
function firstString(value: unknown): string | null {
  if (typeof value === "string") return value.length >= 4 ? value : null;
  if (value && typeof value === "object") for (const v of Object.values(value)) {
    const found = firstString(v);
    if (found) return found;
  }
  return null;
}

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateFor("ANALYST") });

  test("opens a profile from the list and reads a form value written in non-Latin letters", async ({ page }) => {
    const { rows } = await db().query<{ id: string; flow_id: string; name: string; value: string }>(
      `SELECT p.id::text, f.flow_id, f.name, f.values[1] AS value FROM field_values f JOIN profiles p ON p.id = f.profile_id
       WHERE p.pii_wiped_at IS NULL AND p.full_name IS NOT NULL AND f.values[1] ~ '[^\\x01-\\x7e]' ORDER BY p.id LIMIT 1`,
    );
    const field = rows[0]!;
    expect(field.value).toMatch(/[^\x01-\x7e]/);
    await page.goto(`/profiles?q=${field.id}`);
    await page.getByTestId("profile-name").first().click();
    await expect(page).toHaveURL(new RegExp(`/profiles/${field.id}$`));
    await openFlow(page, field.flow_id);
    const row = page.locator(`[data-flow="${field.flow_id}"] [data-testid="field-row"]`).filter({ has: page.getByRole("rowheader", { name: field.name, exact: true }) });
    await expect(row.getByTestId("field-value")).toContainText(field.value);
  });

  test("opens a service result's full details and finds a value inside them", async ({ page }) => {
    const { rows } = await db().query<{ id: string; flow_id: string; position: number; details: unknown }>(
      `SELECT s.profile_id::text AS id, s.flow_id, s.position, p.raw #> ARRAY['flowData', s.flow_id, 'serviceData', s.position::text, 'fullServiceDetails'] AS details
       FROM service_results s JOIN profiles p ON p.id = s.profile_id
       WHERE p.pii_wiped_at IS NULL AND jsonb_typeof(p.raw #> ARRAY['flowData', s.flow_id, 'serviceData', s.position::text, 'fullServiceDetails']) = 'object'
       ORDER BY s.profile_id, s.flow_id, s.position LIMIT 1`,
    );
    const service = rows[0]!;
    const needle = firstString(service.details)!;
    expect(needle).toBeTruthy();
    await page.goto(`/profiles/${service.id}`);
    await openFlow(page, service.flow_id);
    const card = page.locator(`[data-flow="${service.flow_id}"] [data-testid="service-card"]`).nth(service.position);
    const viewer = card.getByTestId("json-viewer");
    await expect(async () => {
      await card.getByRole("button", { name: "Full service details" }).click();
      await expect(viewer).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await viewer.getByRole("searchbox").fill(needle.slice(1, -1).toUpperCase());
    await expect(viewer.getByTestId("json-matches")).toContainText(/^1 of \d+ match/);
    await expect(viewer.locator("mark").first()).toHaveText(new RegExp(needle.slice(1, -1).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"));
    await viewer.getByRole("searchbox").fill("no-such-thing-in-here-42");
    await expect(viewer.getByTestId("json-matches")).toHaveText("No match");
  });

  test("shows a link from both ends, each end reading it its own way, and leads to the other client", async ({ page }) => {
    const { rows } = await db().query<{ from_id: string; to_id: string; type: string }>(
      "SELECT from_id::text, to_id::text, type FROM profile_links WHERE type IN ('OWNS', 'OWNED_BY') ORDER BY from_id LIMIT 1",
    );
    const link = rows[0]!;
    const inverse = link.type === "OWNS" ? "Owned by" : "Owns";
    await page.goto(`/profiles/${link.from_id}`);
    const forward = page.locator(`[data-testid="profile-link"][data-side="from"]`).filter({ has: page.locator(`a[href="/profiles/${link.to_id}"]`) });
    await expect(forward).toContainText(link.type === "OWNS" ? "Owns" : "Owned by");
    await forward.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/profiles/${link.to_id}$`));
    const backward = page.locator(`[data-testid="profile-link"][data-side="to"]`).filter({ has: page.locator(`a[href="/profiles/${link.from_id}"]`) });
    await expect(backward).toContainText(inverse);
  });

  test("previews a file inline, decoded, and the preview is an audited download", async ({ page }) => {
    const { rows } = await db().query<{ profile_id: string; flow_id: string }>(
      "SELECT f.profile_id::text, f.flow_id FROM profile_files f JOIN profiles p ON p.id = f.profile_id WHERE p.pii_wiped_at IS NULL ORDER BY f.profile_id DESC LIMIT 1",
    );
    const file = rows[0]!;
    const downloads = async () => (await db().query("SELECT 1 FROM audit_events WHERE action = 'file.download' AND target_id = $1 AND outcome = 'SUCCESS'", [file.profile_id])).rowCount ?? 0;
    const before = await downloads();
    await page.goto(`/profiles/${file.profile_id}`);
    await openFlow(page, file.flow_id);
    const card = page.locator(`[data-flow="${file.flow_id}"] [data-testid="file-card"]`).first();
    await expect(async () => {
      await card.getByRole("button", { name: "Preview" }).click();
      await expect(card.getByTestId("file-preview").or(card.getByText("has no preview"))).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 15_000 });
    const image = card.locator('img[data-testid="file-preview"]');
    if (await image.count()) expect(await image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(0);
    await expect.poll(downloads).toBe(before + 1);
  });

  test("re-reads the client from Trulioo on request, says what came of it, and puts it on the timeline", async ({ page }) => {
    const id = await upstreamClient(5);
    await page.goto(`/profiles/${id}`);
    await expect(page.getByTestId("timeline")).toContainText("Profile opened");
    await expect(async () => {
      await page.getByTestId("refresh-profile").click();
      await expect(page.getByTestId("refresh-result")).toContainText("Refreshed", { timeout: 5_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByTestId("timeline")).toContainText("Profile re-read from Trulioo");
    const audited = await db().query("SELECT outcome FROM audit_events WHERE action = 'profile.refresh' AND target_id = $1 ORDER BY id DESC LIMIT 1", [id]);
    expect(audited.rows[0]?.outcome).toBe("SUCCESS");
  });
});

test("a case note is still there after Trulioo changes the client and a manager runs a full resync from the sync page", async ({ browser }) => {
  // A full resync of the whole world runs inside this test: give it the minute it may take on a loaded machine.
  test.setTimeout(120_000);
  const id = await upstreamClient(7);
  const note = `Checked the register for Łukasz — consistent ${Date.now()}`;
  const analyst = await browser.newContext({ storageState: storageStateFor("ANALYST") });
  const page = await analyst.newPage();
  await page.goto(`/profiles/${id}`);
  await addNote(page, note);

  // Trulioo changes the record (a note of its own), so the resync rewrites this profile.
  const upstream = `Upstream note ${Date.now()}`;
  const res = await fetch(`${sandboxOrigin()}/_sandbox/trulioo/clients/${id}/notes`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: upstream }) });
  expect(res.status).toBe(201);

  const manager = await seedUser("MANAGER", { label: "resync-manager" });
  const managerContext = await browser.newContext();
  const sync = await managerContext.newPage();
  await sync.goto("/login");
  await sync.getByLabel("Email").fill(manager.email);
  await sync.getByLabel("Password", { exact: true }).fill(manager.password);
  await sync.getByRole("button", { name: /sign in/i }).click();
  await sync.waitForURL((u) => !u.pathname.startsWith("/login"));
  await sync.goto("/sync");
  const mine = sync.getByTestId("sync-run").filter({ hasText: `by ${manager.email}` });
  await expect(async () => {
    await sync.getByRole("button", { name: "Full resync" }).click();
    await expect(sync.getByText("Full resync queued.")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(mine.first()).toHaveAttribute("data-state", "SUCCEEDED", { timeout: 60_000 });
  await managerContext.close();

  await page.reload();
  await expect(page.getByTestId("upstream-notes")).toContainText(upstream);
  await expect(page.getByTestId("case-notes")).toContainText(note);
  await analyst.close();
});

test.describe("as an auditor", () => {
  test.use({ storageState: storageStateFor("AUDITOR") });

  test("an unknown or malformed profile or execution id is a 404 with the not-found page, not a 200", async ({ page }) => {
    for (const url of ["/profiles/not-a-uuid", "/profiles/00000000-0000-4000-8000-000000000000", "/executions/no-such-execution", `/executions/${"x".repeat(300)}`]) {
      expect((await page.goto(url))?.status(), url).toBe(404);
      await expect(page.getByText(/not found/i).first(), url).toBeVisible();
    }
  });

  test("the case page is read-only: no refresh, no note form, no files", async ({ page }) => {
    const { rows } = await db().query<{ profile_id: string }>(
      "SELECT f.profile_id::text FROM profile_files f JOIN profiles p ON p.id = f.profile_id WHERE p.pii_wiped_at IS NULL LIMIT 1",
    );
    await page.goto(`/profiles/${rows[0]!.profile_id}`);
    await expect(page.getByTestId("timeline")).toBeVisible();
    await expect(page.getByTestId("refresh-profile")).toHaveCount(0);
    await expect(page.getByTestId("case-note-form")).toHaveCount(0);
    await expect(page.getByTestId("file-card")).toHaveCount(0);
  });
});

async function addNote(page: Page, text: string) {
  const form = page.getByTestId("case-note-form");
  await form.getByLabel("Add a case note").fill(text);
  await expect(async () => {
    await form.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByTestId("case-notes")).toContainText(text, { timeout: 3_000 });
  }).toPass({ timeout: 15_000 });
}

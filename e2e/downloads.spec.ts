import { expect, test } from "@playwright/test";
import { parseProviderEnv } from "../lib/env";
import { providerConfigsFrom } from "../lib/providers/config";
import { TruliooClient } from "../lib/providers/trulioo/client";
import { openFlow } from "./support/profile-page";
import { storageStateFor } from "./support/users";
import { db } from "./support/world";

// Files and images stream through authorised routes; every download is audited (issue 14, "Files and images").

type TFileRow = { profile_id: string; flow_id: string; element_id: string; position: number; enhanced: boolean; file_key: string };

async function someFile(where = "TRUE"): Promise<TFileRow> {
  const { rows } = await db().query<TFileRow>(
    `SELECT f.profile_id::text, f.flow_id, f.element_id, f.position, f.enhanced, f.file_key
     FROM profile_files f JOIN profiles p ON p.id = f.profile_id WHERE p.pii_wiped_at IS NULL AND ${where} ORDER BY f.profile_id, f.flow_id LIMIT 1`,
  );
  if (!rows[0]) throw new Error("the seeded world has no profile file");
  return rows[0];
}

const fileUrl = (f: TFileRow, query = "") =>
  `/api/files/trulioo/${f.profile_id}/${encodeURIComponent(f.flow_id)}/${encodeURIComponent(f.element_id)}/${f.position}?enhanced=${f.enhanced ? 1 : 0}${query}`;

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateFor("ANALYST") });

  test("a Trulioo file downloads with Trulioo's very bytes, typed by its signature, and is audited", async ({ request }) => {
    const file = await someFile();
    const res = await request.get(fileUrl(file));
    expect(res.status()).toBe(200);
    const body = await res.body();
    const upstream = await new TruliooClient(providerConfigsFrom(parseProviderEnv(process.env as Record<string, string>)).trulioo!).getFile(file.file_key);
    expect(Buffer.compare(body, Buffer.from(upstream.bytes))).toBe(0);
    const headers = res.headers();
    expect(headers["content-type"]).toMatch(/^(image\/(png|jpeg)|application\/pdf)$/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-disposition"]).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
    expect(headers["cache-control"]).toContain("no-store");
    const { rows } = await db().query(
      "SELECT 1 FROM audit_events WHERE action = 'file.download' AND outcome = 'SUCCESS' AND target_id = $1 AND details->>'elementId' = $2",
      [file.profile_id, file.element_id],
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  test("an unknown file is a 404, a wiped person's file a 410, never a 500", async ({ request }) => {
    const file = await someFile();
    for (const url of [fileUrl({ ...file, position: 999 }), "/api/files/trulioo/not-a-uuid/x/y/0", fileUrl({ ...file, element_id: "nope" })]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
    const other = await someFile(`f.profile_id <> '${file.profile_id}'`);
    await db().query("UPDATE profiles SET pii_wiped_at = now() WHERE id = $1", [other.profile_id]);
    try {
      const res = await request.get(fileUrl(other));
      expect(res.status()).toBe(410);
      expect(await res.json()).toMatchObject({ error: { code: "GONE" } });
    } finally {
      await db().query("UPDATE profiles SET pii_wiped_at = NULL WHERE id = $1", [other.profile_id]);
    }
  });

  test("a Jumio FACE image decodes in the browser", async ({ page }) => {
    const { rows } = await db().query<{ id: string; credential: string }>(
      `SELECT e.id, c->>'id' AS credential FROM executions e, jsonb_array_elements(e.raw->'record'->'credentials') c
       WHERE e.provider = 'JUMIO' AND e.wiped_out_at IS NULL AND c->'parts' @> '[{"classifier":"FACE"}]' LIMIT 1`,
    );
    test.skip(!rows[0], "no Jumio execution with a FACE image in this world");
    const { id, credential } = rows[0]!;
    await page.goto("/");
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    }, `/api/files/jumio/${encodeURIComponent(id)}/${encodeURIComponent(credential)}/FACE?inline=1`);
    expect(size.width).toBeGreaterThan(0);
    expect(size.height).toBeGreaterThan(0);
  });
});

test.describe("the profile page, as an analyst", () => {
  test.use({ storageState: storageStateFor("ANALYST") });

  test("opening it is audited once per 10 minutes, and its files download from it", async ({ page }) => {
    const file = await someFile();
    const views = async () =>
      (await db().query("SELECT 1 FROM audit_events WHERE action = 'profile.view' AND target_id = $1 AND actor_email = 'analyst@demo.compliance.desk'", [file.profile_id])).rowCount;
    const before = await views();
    await page.goto(`/profiles/${file.profile_id}`);
    await openFlow(page, file.flow_id);
    await expect(page.getByTestId("profile-files")).toBeVisible();
    await page.reload();
    await openFlow(page, file.flow_id);
    await expect(page.getByTestId("profile-files")).toBeVisible();
    // One row for both openings (or none new if this user opened it in the last 10 minutes).
    expect(await views()).toBe(before === 0 ? 1 : before);
    const label = await db().query<{ name: string }>("SELECT name FROM field_values WHERE profile_id = $1 AND flow_id = $2 AND element_id = $3", [file.profile_id, file.flow_id, file.element_id]);
    const row = page.getByTestId("profile-files").getByRole("listitem").filter({ hasText: label.rows[0]?.name ?? file.element_id }).first();
    const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: "Download" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.(png|jpg|pdf|bin)$/);
    const { readFile } = await import("node:fs/promises");
    expect((await readFile((await download.path())!)).byteLength).toBeGreaterThan(0);
  });
});

test.describe("the execution page, as an analyst", () => {
  test.use({ storageState: storageStateFor("ANALYST") });

  test("opened from the list, it shows the decision and the FACE image decoded, and the view is audited", async ({ page }) => {
    const { rows } = await db().query<{ id: string }>(
      `SELECT e.id FROM executions e, jsonb_array_elements(e.raw->'record'->'credentials') c
       WHERE e.provider = 'JUMIO' AND e.wiped_out_at IS NULL AND c->'parts' @> '[{"classifier":"FACE"}]' LIMIT 1`,
    );
    test.skip(!rows[0], "no Jumio execution with a FACE image in this world");
    const id = rows[0]!.id;
    await page.goto(`/executions?q=${id}`);
    await page.getByTestId("execution-link").filter({ hasText: id.slice(0, 14) }).first().click();
    await expect(page).toHaveURL(new RegExp(`/executions/${id}$`));
    await expect(page.getByTestId("execution-facts")).toContainText(id);
    const face = page.getByTestId("execution-images").getByRole("img", { name: /FACE$/ }).first();
    await face.scrollIntoViewIfNeeded();
    await expect.poll(() => face.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const audited = await db().query("SELECT 1 FROM audit_events WHERE action = 'execution.view' AND target_id = $1", [id]);
    expect(audited.rowCount).toBeGreaterThanOrEqual(1);
  });
});

test.describe("as an auditor", () => {
  test.use({ storageState: storageStateFor("AUDITOR") });

  test("downloads are refused by the server", async ({ request }) => {
    const res = await request.get(fileUrl(await someFile()));
    expect(res.status()).toBe(403);
  });
});

import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/users";

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateFor("ANALYST") });

  test("opening /admin/users answers a 403 page", async ({ page }) => {
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  });

  test("opening /audit answers a 403 page", async ({ page }) => {
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(403);
  });

  test("the API knows who is asking", async ({ request }) => {
    const res = await request.get("/api/me");
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ role: "ANALYST" });
  });
});

test.describe("as an auditor", () => {
  test.use({ storageState: storageStateFor("AUDITOR") });

  test("the audit log page opens", async ({ page }) => {
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  });
});

test("an API call without a session gets 401 JSON, not a redirect", async ({ request }) => {
  const res = await request.get("/api/me", { maxRedirects: 0 });
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } });
});

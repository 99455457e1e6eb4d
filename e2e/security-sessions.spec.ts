import { expect, test } from "@playwright/test";
import { demoUser, signIn, storageStateFor } from "./support/users";
import { cloneClient, db, seedUser, signedInClient } from "./support/world";

// Issue 12, items 1-3: return URLs, sessions that end when they should, and one-time passwords.

test.describe("return URLs after sign-in stay on this origin", () => {
  for (const entry of [
    "/login?callbackUrl=/.//evil.com",
    "/login?callbackUrl=%2F%2E%2F%2Fevil.com",
    "/login?callbackUrl=/%2F%2Fevil.com",
    "/login?callbackUrl=/%5Cevil.com",
    "/login/../%2F%2Fevil.com",
  ]) {
    test(`signing in through ${entry}`, async ({ page, baseURL }) => {
      await page.goto(entry);
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      const user = demoUser("ANALYST");
      await signIn(page, user.email, user.password);
      await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      expect(new URL(page.url()).pathname).not.toMatch(/^\/[/\\]/);
    });
  }
});

test.describe("a session ends on the server", () => {
  test("at sign-out: the old cookie no longer works for the API", async ({ baseURL }) => {
    const user = await seedUser("ANALYST", { label: "signout" });
    const client = await signedInClient(baseURL!, user);
    const copy = await cloneClient(baseURL!, client);
    expect((await copy.get("/api/me")).status()).toBe(200);
    const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await client.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
    expect((await copy.get("/api/me")).status()).toBe(401);
    const { rows } = await db().query("SELECT revoked_reason FROM user_sessions WHERE user_id = $1", [user.id]);
    expect(rows).toEqual([{ revoked_reason: "sign_out" }]);
  });

  test("when an admin resets the password, changes the role or deactivates the user", async ({ browser, baseURL }) => {
    const admin = await browser.newContext({ storageState: storageStateFor("ADMIN") });
    const page = await admin.newPage();
    for (const change of ["Set one-time password", "role", "Deactivate"] as const) {
      const user = await seedUser("ANALYST", { label: `revoke-${change.split(" ")[0]!.toLowerCase()}` });
      const victim = await signedInClient(baseURL!, user);
      expect((await victim.get("/api/me")).status()).toBe(200);
      await page.goto("/admin/users");
      const row = page.getByTestId(`user-row-${user.email}`);
      if (change === "role") {
        await row.getByRole("combobox", { name: `Role of ${user.email}` }).click();
        await page.getByRole("option", { name: "Manager" }).click();
        await expect(row.getByRole("combobox", { name: `Role of ${user.email}` })).toHaveText("Manager");
      } else {
        await row.getByRole("button", { name: `Actions for ${user.email}` }).click();
        await page.getByRole("menuitem", { name: change }).click();
        if (change === "Set one-time password") {
          const dialog = page.getByRole("dialog");
          await dialog.getByLabel("One-time password").fill("reset-by-admin-42");
          await dialog.getByRole("button", { name: "Set password" }).click();
          await expect(dialog).toBeHidden();
        } else {
          await expect(row).toContainText("Deactivated");
        }
      }
      await expect.poll(async () => (await victim.get("/api/me")).status(), { message: change }).toBe(401);
      await victim.dispose();
    }
    await admin.close();
  });

  test("when the user changes their own password: other copies end, this browser goes on", async ({ page, baseURL }) => {
    const user = await seedUser("ANALYST", { label: "self-change" });
    const elsewhere = await signedInClient(baseURL!, user);
    await page.goto("/account/password");
    await signIn(page, user.email, user.password);
    await expect(page.getByRole("heading", { name: /password/i }).first()).toBeVisible();
    const before = await cloneClient(baseURL!, page.context().request);
    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel("New password", { exact: true }).fill("changed-by-me-123");
    await page.getByLabel("Repeat new password").fill("changed-by-me-123");
    await page.getByRole("button", { name: "Save password" }).click();
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    expect((await page.context().request.get("/api/me")).status()).toBe(200);
    expect((await before.get("/api/me")).status()).toBe(401);
    expect((await elsewhere.get("/api/me")).status()).toBe(401);
  });
});

test.describe("a one-time password opens nothing but the change-password form", () => {
  test("the API refuses, and so does a server action replayed with that session", async ({ browser, baseURL }) => {
    // Capture a real server action (a manager's "Sync now") to replay it with the newcomer's cookie.
    const manager = await browser.newContext({ storageState: storageStateFor("MANAGER") });
    const page = await manager.newPage();
    await page.goto("/sync");
    const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByRole("button", { name: "Sync now" }).click();
    const action = await captured;
    await expect(page.getByText("Sync queued.")).toBeVisible();
    await manager.close();

    const newcomer = await seedUser("MANAGER", { label: "otp-manager", mustChangePassword: true });
    const client = await signedInClient(baseURL!, newcomer);
    const me = await client.get("/api/me");
    expect(me.status()).toBe(403);
    expect(await me.json()).toMatchObject({ error: { code: "FORBIDDEN", message: "Change your one-time password first." } });

    const replay = await client.post(new URL(action.url()).pathname, {
      headers: {
        "next-action": action.headers()["next-action"]!,
        "content-type": action.headers()["content-type"] ?? "text/plain;charset=UTF-8",
        origin: new URL(baseURL!).origin,
        accept: "text/x-component",
      },
      data: action.postData() ?? "[]",
    });
    expect(await replay.text()).toContain("Change your one-time password first.");
    const runs = await db().query("SELECT 1 FROM sync_runs WHERE requested_by = $1", [newcomer.email]);
    expect(runs.rowCount).toBe(0);
    const denied = await db().query(
      "SELECT 1 FROM audit_events WHERE actor_id = $1 AND outcome = 'DENIED' AND details->>'reason' = 'password_change_required'",
      [newcomer.id],
    );
    expect(denied.rowCount).toBe(2);
  });
});

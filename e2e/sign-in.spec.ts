import { expect, test } from "@playwright/test";
import type { TRole } from "../lib/auth/permissions";
import { demoUser, formError, openUserMenu, sidebarEntries, signIn, uniqueEmail } from "./support/users";

const SIDEBAR: Record<TRole, string[]> = {
  ANALYST: ["Overview", "Profiles", "Executions", "Jobs", "Sync"],
  MANAGER: ["Overview", "Profiles", "Executions", "Jobs", "Sync"],
  AUDITOR: ["Overview", "Profiles", "Executions", "Jobs", "Audit log", "Sync"],
  ADMIN: ["Overview", "Profiles", "Executions", "Jobs", "Audit log", "Sync", "Users"],
};

test.describe("sign-in", () => {
  for (const role of Object.keys(SIDEBAR) as TRole[]) {
    test(`${role} signs in and sees their sidebar`, async ({ page }) => {
      const user = demoUser(role);
      await page.goto("/login");
      await signIn(page, user.email, user.password);
      await expect(page).toHaveURL(/\/$/);
      expect(await sidebarEntries(page)).toEqual(SIDEBAR[role]);
      await expect(page.getByTestId("user-role")).toHaveText(role[0] + role.slice(1).toLowerCase());
    });
  }

  test("before the page's scripts run, the form cannot be sent: a password never goes into a URL", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
    await page.getByLabel("Email").fill(demoUser("ANALYST").email);
    await page.getByLabel("Password", { exact: true }).fill(demoUser("ANALYST").password);
    await page.getByLabel("Password", { exact: true }).press("Enter");
    await expect(page).toHaveURL(/\/login$/);
    expect(page.url()).not.toContain("password");
    await context.close();
  });

  test("a wrong password shows an error and stays on the sign-in page", async ({ page }) => {
    await page.goto("/login");
    await signIn(page, demoUser("ANALYST").email, "not-the-password-1");
    await expect(formError(page)).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a protected page without a session goes to /login and back after sign-in", async ({ page }) => {
    await page.goto("/executions?sort=created");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fexecutions%3Fsort%3Dcreated/);
    const user = demoUser("MANAGER");
    await signIn(page, user.email, user.password);
    await expect(page).toHaveURL(/\/executions\?sort=created$/);
    await expect(page.getByRole("heading", { name: "Executions" })).toBeVisible();
  });

  test("repeated failures for one email are throttled with a clear message", async ({ page }) => {
    const email = uniqueEmail("throttled");
    await page.goto("/login");
    for (let i = 0; i < 5; i += 1) {
      await signIn(page, email, `wrong-password-${i}`);
      await expect(formError(page)).toHaveText("Wrong email or password.");
    }
    await signIn(page, email, "wrong-password-again");
    await expect(formError(page)).toHaveText(/Too many failed sign-ins/);
  });

  test("signing out ends the session", async ({ page }) => {
    const user = demoUser("AUDITOR");
    await page.goto("/login");
    await signIn(page, user.email, user.password);
    await openUserMenu(page);
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faudit/);
  });
});

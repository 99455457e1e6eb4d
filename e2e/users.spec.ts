import { expect, test, type Page } from "@playwright/test";
import { clickUntil, demoUser, formError, sidebarEntries, signIn, storageStateFor, uniqueEmail } from "./support/users";

test.use({ storageState: storageStateFor("ADMIN") });

async function createUser(page: Page, email: string, role: string, password: string) {
  await page.goto("/admin/users");
  const dialog = page.getByRole("dialog");
  await clickUntil(page.getByRole("button", { name: "New user" }), dialog);
  await dialog.getByLabel("Name").fill("Łukasz Nowak");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").click();
  await page.getByRole("option", { name: role }).click();
  await dialog.getByLabel("One-time password").fill(password);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`user-row-${email}`)).toBeVisible();
}

test("an admin creates a user who signs in, sets a password and works", async ({ page, browser }) => {
  const email = uniqueEmail("new-manager");
  await createUser(page, email, "Manager", "first-time-pass-7");
  await expect(page.getByTestId(`user-row-${email}`)).toContainText("Must set password");

  const context = await browser.newContext({ storageState: undefined });
  const newcomer = await context.newPage();
  await newcomer.goto("/profiles");
  await signIn(newcomer, email, "first-time-pass-7");
  await expect(newcomer.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await newcomer.getByLabel("Current password").fill("first-time-pass-7");
  await newcomer.getByLabel("New password", { exact: true }).fill("my-chosen-pass-8");
  await newcomer.getByLabel("Repeat new password").fill("my-chosen-pass-8");
  await newcomer.getByRole("button", { name: "Save password" }).click();
  await expect(newcomer).toHaveURL(/\/profiles$/);
  expect(await sidebarEntries(newcomer)).toEqual(["Overview", "Profiles", "Executions", "Jobs", "Sync"]);
  await context.close();
});

test("a bad new user shows the reason in the dialog and creates nothing", async ({ page }) => {
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Short Password");
  await dialog.getByLabel("Email").fill(uniqueEmail("weak"));
  await dialog.getByLabel("One-time password").fill("short");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText("Use at least 12 characters").first()).toBeVisible();

  await dialog.getByLabel("Email").fill(demoUser("ANALYST").email);
  await dialog.getByLabel("One-time password").fill("long-enough-pass-1");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(formError(dialog)).toContainText("already exists");
});

test("an over-long name or email is capped in the form, never answered with a validator's raw words", async ({ page }) => {
  await page.goto("/admin/users");
  const dialog = page.getByRole("dialog");
  await clickUntil(page.getByRole("button", { name: "New user" }), dialog);
  await dialog.getByLabel("Name").fill("N".repeat(200));
  await dialog.getByLabel("Email").fill(`${"a".repeat(64)}@${`${"b".repeat(60)}.`.repeat(5)}com`);
  await dialog.getByLabel("One-time password").fill("short");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText("Use at least 12 characters").first()).toBeVisible();
  await expect(dialog).not.toContainText(/Too big|expected string/);
  expect((await dialog.getByLabel("Name").inputValue()).length).toBe(120);
  expect((await dialog.getByLabel("Email").inputValue()).length).toBeLessThanOrEqual(320);
});

test("a deactivated user loses access at the next request and cannot sign in", async ({ page, browser }) => {
  const email = uniqueEmail("leaver");
  await createUser(page, email, "Analyst", "leaver-pass-0001");

  const context = await browser.newContext({ storageState: undefined });
  const leaver = await context.newPage();
  await leaver.goto("/login");
  await signIn(leaver, email, "leaver-pass-0001");
  await expect(leaver.getByRole("heading", { name: "Choose your password" })).toBeVisible();

  const row = page.getByTestId(`user-row-${email}`);
  await clickUntil(row.getByRole("button", { name: `Actions for ${email}` }), page.getByRole("menuitem", { name: "Deactivate" }));
  await page.getByRole("menuitem", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");

  await leaver.goto("/profiles");
  await expect(leaver).toHaveURL(/\/login/);
  await expect(formError(leaver)).toContainText("session has ended");
  await signIn(leaver, email, "leaver-pass-0001");
  await expect(formError(leaver)).toContainText("deactivated");
  await context.close();

  await row.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: "Reactivate" }).click();
  await expect(row).not.toContainText("Deactivated");
});

test("the last active admin cannot demote themselves", async ({ page }) => {
  await page.goto("/admin/users");
  const me = demoUser("ADMIN");
  const row = page.getByTestId(`user-row-${me.email}`);
  await row.getByRole("combobox", { name: `Role of ${me.email}` }).click();
  await page.getByRole("option", { name: "Analyst" }).click();
  await expect(page.getByText("This is the last active admin")).toBeVisible();
  await page.reload();
  await expect(row.getByRole("combobox", { name: `Role of ${me.email}` })).toHaveText("Admin");
});

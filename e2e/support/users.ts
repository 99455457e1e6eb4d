import { expect, type Locator, type Page } from "@playwright/test";
import { DEMO_USERS } from "../../lib/users/demo-users";
import type { TRole } from "../../lib/auth/permissions";

export function demoUser(role: TRole) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  return user;
}

export const storageStateFor = (role: TRole) => `test-results/.auth/${role.toLowerCase()}.json`;

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function sidebarEntries(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeVisible();
  return (await nav.getByRole("link").allInnerTexts()).map((t) => t.trim());
}

export function uniqueEmail(label: string): string {
  return `${label}.${Date.now()}.${Math.random().toString(16).slice(2, 8)}@e2e.compliance.desk`;
}

/** The form's error message (Next's route announcer also has role=alert, so match our own alert). */
export const formError = (scope: Page | Locator) => scope.locator('[data-slot="alert"]');

/** Clicks until what the click opens is shown: a click that lands before the page has hydrated does nothing. */
export async function clickUntil(target: Locator, shown: Locator) {
  await expect(async () => {
    await target.click();
    await expect(shown).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

export async function openUserMenu(page: Page) {
  await clickUntil(page.getByTestId("user-menu"), page.getByRole("menuitem", { name: "Sign out" }));
}

import { expect, test as setup } from "@playwright/test";
import { ROLES } from "../lib/auth/permissions";
import { demoUser, signIn, storageStateFor } from "./support/users";

// Signs each role in once through the real form; the other specs reuse the stored session.
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const user = demoUser(role);
    await page.goto("/login");
    await signIn(page, user.email, user.password);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await page.context().storageState({ path: storageStateFor(role) });
  });
}

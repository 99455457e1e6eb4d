import { expect, type Page } from "@playwright/test";

/**
 * Shows one flow's section of the case page: its tab when the profile has several flows (clicked until
 * it takes, since a click before hydration does nothing), else the section is already shown.
 */
export async function openFlow(page: Page, flowId: string): Promise<void> {
  const tab = page.locator(`[role="tab"][data-flow="${flowId}"]`);
  if ((await tab.count()) === 0) return;
  await expect(async () => {
    await tab.click();
    await expect(tab).toHaveAttribute("data-state", "active", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

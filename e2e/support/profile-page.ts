import { expect, type Page } from "@playwright/test";

/** Shows one flow's section of the case page: its tab (a link) when the profile has several flows. */
export async function openFlow(page: Page, flowId: string): Promise<void> {
  const tab = page.locator(`[data-testid="flow-tabs"] a[data-flow="${flowId}"]`);
  if ((await tab.count()) === 0 || (await tab.getAttribute("aria-current")) === "page") return;
  await tab.click();
  await expect(tab).toHaveAttribute("aria-current", "page");
  await expect(page.locator(`[data-testid="flow-section"][data-flow="${flowId}"]`)).toBeVisible();
}

import type { Locator, Page } from 'playwright-core';

/** Signs in through the form, as a person would: the key typed into the labelled field, then Enter. */
export async function signIn(page: Page, url: string, key: string): Promise<void> {
  await page.goto(`${url}/ui/`);
  await page.getByLabel('Admin key').fill(key);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Keys' }).waitFor();
}

/** Follows a link of the main navigation and waits for the page's heading. */
export async function openPage(page: Page, link: string, heading = link): Promise<void> {
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The table row naming `text` (a key alias, a model…). */
export function row(page: Page, text: string): Locator {
  return page.getByRole('row').filter({ hasText: text });
}

/**
 * Presses `refresh` until `locator` shows up: spend logs reach the store a moment after the answer (the spend
 * buffer flushes every 200 ms here), so the first look may be too early. Bounded: fails after `attempts` tries.
 */
export async function refreshUntilVisible(page: Page, locator: Locator, refresh: () => Promise<void>, attempts = 40): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await locator.first().isVisible()) return;
    if (attempt >= attempts) {
      await locator.first().waitFor({ timeout: 1000 });
      return;
    }
    await refresh();
    await page.waitForTimeout(500);
  }
}

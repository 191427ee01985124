import { Browser, BrowserContext, expect, Locator, Page } from '@playwright/test';

/** Syddanmark's agreement: its draft is open (Det Administrative Tillæg is being written); Hovedstaden's is approved and closed. */
export const OPEN_AGREEMENT = 'Sundhedsaftale 2024–2027 for Region Syddanmark';
export const DEMO_PASSWORD = 'demo1234';

export interface DraftSession {
  context: BrowserContext;
  page: Page;
  /** The live draft (the ProseMirror element). */
  draft: Locator;
}

/** Signs in with a demo account in a fresh browser context and opens the agreement's live draft from the list. */
export async function openDraft(browser: Browser, email: string, agreement = OPEN_AGREEMENT): Promise<DraftSession> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
  await page.getByRole('listitem').filter({ hasText: agreement }).getByRole('link', { name: `Åbn udkast til ${agreement}` }).click();
  await expect(page).toHaveURL(/\/aftaler\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('article', { name: agreement })).toBeVisible();
  const draft = page.getByRole('textbox', { name: 'Udkast' });
  await expect(draft).toBeVisible();
  return { context, page, draft };
}

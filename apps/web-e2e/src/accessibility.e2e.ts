import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';

/** The agreement's id, from the link on the agreements list. */
async function agreementId(page: Page): Promise<string> {
  await page.goto('/');
  const href = await page.getByRole('link', { name: /Åbn udkast/ }).first().getAttribute('href');
  const id = /\/aftaler\/([0-9a-f-]{36})/.exec(href ?? '')?.[1];
  if (!id) throw new Error(`no agreement link (${href})`);
  return id;
}

async function signIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill('demo1234');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
}

/** No serious or critical WCAG 2.1 A/AA violations on the page as it is now. */
async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious, `${what}: ${serious.join('\n')}`).toEqual([]);
  // axe ran real checks on real content.
  expect(results.passes.length, what).toBeGreaterThan(5);
}

test.describe('accessibility (WCAG 2.1 AA, axe-core)', () => {
  test('the login screen', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Log ind i Aftalerum' })).toBeVisible();
    await expectAccessible(page, 'login');
  });

  test('the secretariat’s main screens', async ({ page }) => {
    await signIn(page, 'sekretariat@aftalerum.test');
    await expectAccessible(page, 'agreements');
    const id = await agreementId(page);
    const screens: Array<[string, string, RegExp]> = [
      ['editor', `/aftaler/${id}`, /Indholdsfortegnelse|Gemt|Forbinder/],
      ['input rounds', '/input', /Inputrunder|input/i],
      ['hearings', `/aftaler/${id}/hoeringer`, /Høring/],
      ['timeline', `/aftaler/${id}/tidslinje`, /Tidslinje/],
      ['approvals', `/aftaler/${id}/godkendelser`, /Godkendelse/],
      ['dashboard', `/aftaler/${id}/overblik`, /Overblik/],
      ['Word import', '/word', /Word/],
    ];
    for (const [what, path, ready] of screens) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: ready }).first()).toBeVisible();
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await expectAccessible(page, what);
    }
    // The demo hearing's processing screen, with its heat map.
    await page.goto(`/aftaler/${id}/hoeringer`);
    await page.getByRole('link', { name: /Bred høring over Sundhedsaftale 2024–2027/ }).first().click();
    await expect(page.getByRole('heading', { name: /Bred høring over Sundhedsaftale 2024–2027/ }).first()).toBeVisible();
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await expectAccessible(page, 'hearing processing');
  });

  test('a cluster’s input screen and a reader’s editor', async ({ page }) => {
    await signIn(page, 'klynge.midt@aftalerum.test');
    await page.goto('/input');
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await expectAccessible(page, 'cluster input rounds');
    const id = await agreementId(page);
    await page.goto(`/aftaler/${id}`);
    await expect(page.getByText(/Skrivebeskyttet/).first()).toBeVisible();
    await expectAccessible(page, 'read-only editor');
  });
});

import { expect, Page, test } from '@playwright/test';
import path from 'node:path';

const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.resolve(__dirname, '../../../tmp/e2e-results/small-screens');

const ROLES = [
  { role: 'secretariat', email: 'sekretariat@aftalerum.test' },
  { role: 'cluster', email: 'klynge.midt@aftalerum.test' },
  { role: 'patient organisation', email: 'patientforening@aftalerum.test' },
  { role: 'municipality', email: 'kommune.gladsaxe@aftalerum.test' },
  { role: 'admin', email: 'admin@aftalerum.test' },
] as const;

async function signIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill('demo1234');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Log ind i Aftalerum' })).toHaveCount(0);
}

/** The first id in a link on `from` whose address matches `pattern`, or null when the role sees none. */
async function idFromLink(page: Page, from: string, pattern: RegExp): Promise<string | null> {
  await page.goto(from);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  for (const href of hrefs) {
    const id = pattern.exec(href)?.[1];
    if (id) return id;
  }
  return null;
}

const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** The main routes, with the ids the demo data gives this role. */
async function mainRoutes(page: Page): Promise<string[]> {
  const agreement = '00000000-0000-4000-8000-000000000000';
  const agreementId = (await idFromLink(page, '/', new RegExp(`^/aftaler/${UUID}`))) ?? agreement;
  const roundId = await idFromLink(page, '/input', new RegExp(`^/input/${UUID}$`));
  const hearingId = await idFromLink(page, '/hoeringer', new RegExp(`^/hoeringer/${UUID}`));
  return [
    '/',
    `/aftaler/${agreementId}`,
    `/aftaler/${agreementId}/input`,
    `/aftaler/${agreementId}/tidslinje`,
    `/aftaler/${agreementId}/godkendelser`,
    `/aftaler/${agreementId}/overblik`,
    `/aftaler/${agreementId}/hoeringer`,
    '/input',
    ...(roundId ? [`/input/${roundId}`] : []),
    '/hoeringer',
    ...(hearingId ? [`/hoeringer/${hearingId}`, `/hoeringer/${hearingId}/svar`] : []),
    '/word',
    '/findes/ikke',
  ];
}

interface Measured {
  path: string;
  scrollWidth: number;
  clientWidth: number;
  title: string;
}

async function measure(page: Page, route: string): Promise<Measured> {
  await page.goto(route);
  // A page shows its heading once its data is in; the hearing's processing page asks for the most.
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 15_000 });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  return page.evaluate((path) => ({ path, scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, title: document.title }), route);
}

test.describe('on a phone (390 × 844)', () => {
  test.use({ viewport: PHONE });

  for (const { role, email } of ROLES) {
    test(`no main route scrolls sideways for the ${role}, and each has its own title`, async ({ page }) => {
      test.setTimeout(180_000);
      await signIn(page, email);
      const routes = await mainRoutes(page);
      const measured: Measured[] = [];
      for (const route of routes) {
        measured.push(await measure(page, route));
        const name = route.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'id').replace(/\W+/g, '-');
        await page.screenshot({ path: path.join(SCREENSHOTS, `${role.replace(/\W+/g, '-')}${name}.png`), fullPage: true });
      }
      // The figures, for the record.
      console.log(`${role}:\n${measured.map((m) => `  ${m.path}: ${m.scrollWidth}/${m.clientWidth} px – ${m.title}`).join('\n')}`);
      expect(measured.filter((m) => m.scrollWidth > m.clientWidth)).toEqual([]);
      for (const m of measured) expect(m.title, m.path).toMatch(/^.+ – Aftalerum$/);
    });
  }

  test('the menu is a button that opens and closes by keyboard, and Escape returns to it', async ({ page }) => {
    await signIn(page, 'sekretariat@aftalerum.test');
    const menuButton = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link', { name: 'Høringer', exact: true })).toBeHidden();

    // Keyboard only: the skip link, then the menu button.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Gå til indhold' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(menuButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    for (const item of ['Aftaler', 'Inputrunder', 'Høringer', 'Word']) {
      const box = await nav.getByRole('link', { name: item, exact: true }).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= PHONE.width, item).toBe(true);
    }
    const signOut = page.getByRole('button', { name: 'Log ud' });
    const box = await signOut.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);

    // Escape closes and gives focus back to the button.
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: 'Aftaler', exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(menuButton).toBeFocused();
    await expect(nav.getByRole('link', { name: 'Aftaler', exact: true })).toBeHidden();

    // Choosing a page closes the menu and takes focus to the new page's heading.
    await page.keyboard.press('Space');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    await nav.getByRole('link', { name: 'Høringer', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/hoeringer$/);
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page).toHaveTitle(/^Høringer – Aftalerum$/);
  });
});

test.describe('every screen', () => {
  test('routes have their own titles, and focus moves to the heading on navigation but not on first load', async ({ page }) => {
    await signIn(page, 'sekretariat@aftalerum.test');
    await expect(page).toHaveTitle('Aftaler – Aftalerum');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).not.toBeFocused();

    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    const visits: Array<[string, RegExp, string]> = [
      ['Inputrunder', /\/input$/, 'Inputrunder – Aftalerum'],
      ['Høringer', /\/hoeringer$/, 'Høringer – Aftalerum'],
      ['Word', /\/word$/, 'Word – Aftalerum'],
      ['Aftaler', /\/$/, 'Aftaler – Aftalerum'],
    ];
    for (const [item, url, title] of visits) {
      await nav.getByRole('link', { name: item, exact: true }).click();
      await expect(page).toHaveURL(url);
      await expect(page).toHaveTitle(title);
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    }
    await page.getByRole('link', { name: /Tidslinje/ }).first().click();
    await expect(page).toHaveTitle('Tidslinje – Aftalerum');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });

  test('an unknown address shows “Siden findes ikke”, with the way back', async ({ page }) => {
    await signIn(page, 'kommune.gladsaxe@aftalerum.test');
    await page.goto('/aftaler/noget/helt/andet');
    await expect(page.getByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeVisible();
    await expect(page).toHaveTitle('Siden findes ikke – Aftalerum');
    await expect(page).toHaveURL(/\/aftaler\/noget\/helt\/andet$/);
    await page.getByRole('main').getByRole('link', { name: 'Gå til forsiden' }).click();
    await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeFocused();
  });

  test('“Log ind” is reached by Tab with empty fields, and submitting says what is missing', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('Log ind – Aftalerum');
    const button = page.getByRole('button', { name: 'Log ind' });
    await expect(button).toBeEnabled();
    await page.getByLabel('E-mail').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('Skriv din e-mailadresse. Skriv din adgangskode.');
    await expect(page.getByLabel('E-mail')).toBeFocused();
    await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('E-mail').fill('sekretariat');
    await page.getByLabel('Adgangskode').fill('demo1234');
    await button.click();
    await expect(page.getByRole('alert')).toHaveText('Skriv en hel e-mailadresse, fx navn@kommune.dk.');
    await page.getByLabel('E-mail').fill('sekretariat@aftalerum.test');
    await button.click();
    await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
  });
});

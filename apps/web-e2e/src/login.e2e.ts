import { expect, test } from '@playwright/test';

test.describe('login', () => {
  test('the secretariat signs in and sees the agreement listed', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Log ind i Aftalerum' })).toBeVisible();
    await page.getByLabel('E-mail').fill('sekretariat@aftalerum.test');
    await page.getByLabel('Adgangskode').fill('demo1234');
    await page.getByRole('button', { name: 'Log ind' }).click();

    await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
    const agreement = page.getByRole('listitem').filter({ hasText: 'Sundhedsaftale 2024–2027 for Region Hovedstaden' });
    await expect(agreement).toBeVisible();
    await expect(agreement).toContainText('Region Hovedstaden');
    await expect(agreement).toContainText('1. januar 2024');
    await expect(page.getByText('Sofie Sekretariat · Sekretariat')).toBeVisible();

    // The session is an HttpOnly cookie: no token anywhere the page's scripts can read.
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === 'aftalerum_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookies.find((cookie) => cookie.name === 'aftalerum_csrf')?.httpOnly).toBe(false);
    const stored = await page.evaluate(() => ({ local: { ...window.localStorage }, session: { ...window.sessionStorage }, cookie: document.cookie }));
    expect(JSON.stringify(stored.local)).not.toMatch(/eyJ|token/i);
    expect(JSON.stringify(stored.session)).not.toMatch(/eyJ|token/i);
    expect(stored.cookie).not.toContain('aftalerum_session');

    // The session survives a reload, and signing out ends it and returns to the login screen.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page.getByRole('heading', { name: 'Log ind i Aftalerum' })).toBeVisible();
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('aftalerum_session');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Log ind i Aftalerum' })).toBeVisible();
  });

  test('a session ended in another tab sends this one to the login screen with a notice', async ({ page, context }) => {
    await page.goto('/');
    await page.getByLabel('E-mail').fill('sekretariat@aftalerum.test');
    await page.getByLabel('Adgangskode').fill('demo1234');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();

    const other = await context.newPage();
    await other.goto('/');
    await other.getByRole('button', { name: 'Log ud' }).click();
    await expect(other.getByRole('heading', { name: 'Log ind i Aftalerum' })).toBeVisible();
    await other.close();

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Høringer', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Log ind i Aftalerum' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Din session er udløbet. Log ind igen.');
  });

  test('on a phone, a patient organisation is shown the way to its hearings, and every menu item stays on screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByLabel('E-mail').fill('patientforening@aftalerum.test');
    await page.getByLabel('Adgangskode').fill('demo1234');
    await page.getByRole('button', { name: 'Log ind' }).click();

    await expect(page.getByText('De høringer, din organisation er inviteret til, finder du under')).toBeVisible();
    await expect(page.getByText('Der er endnu ingen aftaler.')).toHaveCount(0);
    // The menu is behind a button on a phone; opened, every item and the sign-out are on screen.
    await page.getByRole('button', { name: 'Menu' }).click();
    for (const item of ['Aftaler', 'Inputrunder', 'Høringer', 'Word']) {
      const box = await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: item, exact: true }).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    }
    await page.getByRole('main').getByRole('link', { name: 'Høringer' }).click();
    await expect(page.getByRole('heading', { name: 'Høringer I er inviteret til' })).toBeVisible();
  });

  test('a wrong password is refused with a message in Danish', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('E-mail').fill('kommune.gladsaxe@aftalerum.test');
    await page.getByLabel('Adgangskode').fill('forkert-kode');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByRole('alert')).toHaveText('E-mailadressen eller adgangskoden er forkert.');
  });
});

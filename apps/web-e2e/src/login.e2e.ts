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

    // The session survives a reload, and signing out returns to the login screen.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page.getByRole('heading', { name: 'Log ind i Aftalerum' })).toBeVisible();
  });

  test('on a phone, a patient organisation is shown the way to its hearings, and every menu item stays on screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByLabel('E-mail').fill('patientforening@aftalerum.test');
    await page.getByLabel('Adgangskode').fill('demo1234');
    await page.getByRole('button', { name: 'Log ind' }).click();

    await expect(page.getByText('De høringer, din organisation er inviteret til, finder du under')).toBeVisible();
    await expect(page.getByText('Der er endnu ingen aftaler.')).toHaveCount(0);
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

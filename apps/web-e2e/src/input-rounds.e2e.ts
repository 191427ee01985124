import { expect, Page, test } from '@playwright/test';

// Syddanmark's agreement is the one in its input round now (Hovedstaden's is approved and closed).
const AGREEMENT = 'Sundhedsaftale 2024–2027 for Region Syddanmark';
const FOCUS_AREA = 'Det nære sundhedsvæsen';
const SECRETARIAT = 'sekretariat.syddanmark@aftalerum.test';
const CLUSTER_USER = 'klynge.fyn@aftalerum.test';
const CLUSTER = 'Sundhedsklynge Fyn';

async function signIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill('demo1234');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('heading', { name: 'Log ind i Aftalerum' })).toBeVisible();
}

async function openRound(page: Page, title: string) {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Inputrunder' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

test.describe('input rounds', () => {
  test('a cluster submits input tied to a focus area; the secretariat sees it in the matrix and marks it worked in', async ({ page }) => {
    const title = `Supplerende input ${Date.now()}`;

    // The secretariat opens a round for the region's clusters.
    await signIn(page, SECRETARIAT);
    await page.getByRole('link', { name: `Inputrunder for ${AGREEMENT}` }).click();
    const agreement = page.getByRole('region', { name: AGREEMENT });
    await expect(agreement.getByRole('link', { name: 'Klyngernes input til Det Administrative Tillæg' })).toBeVisible();
    await agreement.getByText('Åbn en ny inputrunde').click();
    await agreement.getByLabel('Titel').fill(title);
    await agreement.getByLabel('Beskrivelse (valgfri)').fill('Giv gerne input til fokusområderne.');
    await expect(agreement.getByRole('checkbox', { name: CLUSTER })).toBeChecked();
    await agreement.getByRole('button', { name: 'Åbn inputrunden' }).click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Mangler at indsende' })).toContainText(CLUSTER);
    await signOut(page);

    // Klynge Fyn writes its input, saves a draft, and submits it.
    await signIn(page, CLUSTER_USER);
    await openRound(page, title);
    const form = page.getByRole('form', { name: 'Jeres input' });
    await form.getByLabel('Mødedato (hvor input blev besluttet)').fill('2023-03-01');
    await form.getByLabel('Dagsordenspunkt').fill('Punkt 3: Supplerende input');
    await form.getByLabel('Tema').fill('Mental trivsel');
    await form.getByLabel('Tekst').fill('Børn og unges mentale trivsel skal være et mål i fokusområdet.');
    await form.getByLabel('Afsnit i udkastet').selectOption({ label: `Fokusområde: ${FOCUS_AREA}` });
    await form.getByLabel('Niveau').selectOption({ label: 'Politisk klynge' });
    await form.getByRole('button', { name: 'Gem kladde' }).click();
    await expect(form.getByRole('status')).toContainText('Kladden er gemt');
    await form.getByRole('button', { name: 'Indsend' }).click();
    const receipt = page.getByRole('heading', { name: 'Input modtaget' });
    await expect(receipt).toBeVisible();
    await expect(receipt).toBeFocused();
    await expect(page.getByText('Indsendelse 1, modtaget')).toBeVisible();
    await expect(page.getByText(`Fokusområde: ${FOCUS_AREA} · Politisk klynge`)).toBeVisible();
    await signOut(page);

    // The secretariat finds it in the matrix and marks it worked in.
    await signIn(page, SECRETARIAT);
    await openRound(page, title);
    const matrix = page.getByRole('table', { name: /Antal punkter pr. klynge og afsnit/ });
    const cell = matrix.getByRole('button', { name: `1 punkt fra ${CLUSTER} om ${FOCUS_AREA}: vis dem` });
    await expect(cell).toBeVisible();
    await expect(matrix.getByRole('row', { name: /Sundhedsklynge Lillebælt/ })).toContainText('ikke indsendt');
    await cell.click();
    await expect(page.getByText(`Viser punkter fra ${CLUSTER} om ${FOCUS_AREA}.`)).toBeVisible();

    const item = page.getByRole('listitem', { name: `${CLUSTER}: Mental trivsel` });
    await expect(item).toContainText('Ikke vurderet');
    await item.getByLabel('Vurdering', { exact: true }).selectOption({ label: 'Indarbejdet' });
    await item.getByLabel('Indarbejdet i version').selectOption({ label: 'Version 1: Høringsudkast' });
    await item.getByLabel('Begrundelse').fill('Mental trivsel er skrevet ind som mål i fokusområdet.');
    await item.getByRole('button', { name: 'Gem vurdering' }).click();
    await expect(item.getByRole('status')).toHaveText('Vurderingen er gemt: Indarbejdet.');
    await expect(item.getByText('i version 1: Høringsudkast')).toBeVisible();

    // It stays assessed, and the summary downloads as DOCX.
    await page.reload();
    const again = page.getByRole('listitem', { name: `${CLUSTER}: Mental trivsel` });
    await expect(again.locator('.ir-badge')).toHaveText('Indarbejdet');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Hent sammenfatning (DOCX)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^input-supplerende-input-\d+\.docx$/);
  });

  test('the secretariat’s round page updates live when a cluster submits, and the summary keeps »å« in its name', async ({ page, browser }) => {
    const title = `Ønsker på tværs ${Date.now()}`;
    await signIn(page, SECRETARIAT);
    await page.getByRole('link', { name: `Inputrunder for ${AGREEMENT}` }).click();
    const agreement = page.getByRole('region', { name: AGREEMENT });
    await agreement.getByText('Åbn en ny inputrunde').click();
    await agreement.getByLabel('Titel').fill(title);
    await agreement.getByRole('button', { name: 'Åbn inputrunden' }).click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    const submitted = page.locator('.ir-header .facts div').filter({ hasText: 'Indsendt' }).locator('dd');
    await expect(submitted).toHaveText(/^0 af \d+$/);
    const total = (await submitted.textContent())?.replace(/^0 af /, '');

    // Klynge Fyn submits in its own browser, while the secretariat's page stays open.
    const cluster = await browser.newContext();
    const midt = await cluster.newPage();
    await signIn(midt, CLUSTER_USER);
    await openRound(midt, title);
    const form = midt.getByRole('form', { name: 'Jeres input' });
    await form.getByLabel('Tema').fill('Mental trivsel');
    await form.getByLabel('Tekst').fill('Børn og unges mentale trivsel skal være et mål.');
    await form.getByRole('button', { name: 'Indsend' }).click();
    await expect(midt.getByRole('heading', { name: 'Input modtaget' })).toBeVisible();
    await cluster.close();

    // No reload: the count, the list of who is missing and an announcement follow.
    await expect(submitted).toHaveText(`1 af ${total}`);
    await expect(page.getByRole('status').filter({ hasText: `Nyt input fra ${CLUSTER}` })).toHaveText(new RegExp(`Nyt input fra ${CLUSTER} \\(indsendelse 1\\)\\.`));
    await expect(page.getByRole('region', { name: 'Mangler at indsende' }).getByRole('listitem').filter({ hasText: CLUSTER })).toHaveCount(0);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Hent sammenfatning (DOCX)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^input-ønsker-på-tværs-\d+\.docx$/);
  });
});

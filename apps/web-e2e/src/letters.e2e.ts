import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const AGREEMENT = 'Sundhedsaftale 2024–2027 for Region Hovedstaden';
const HEARING = 'Bred høring over Sundhedsaftale 2024–2027';

async function signIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill('demo1234');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
}

/** A letter as a word processor writes it to PDF: letterhead, greeting, numbered points, signature. */
async function letterPdf(): Promise<Buffer> {
  const lines = [
    'Kræftens Bekæmpelse',
    'Strandboulevarden 49, 2100 København Ø',
    '',
    'Høringssvar vedr. Sundhedsaftale 2024-2027',
    '',
    'Kære sekretariat',
    '',
    '1. Borgere med psykiske lidelser venter for længe; fokusområdet om psykisk sygdom skal have mål for ventetider.',
    '2. Kvaliteten skal være lige høj i hele regionen, uanset hvilken kommune borgeren bor i.',
    '3. Vi takker for muligheden for at afgive høringssvar.',
    '',
    'Med venlig hilsen',
    'Karin Kræft',
  ];
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 40, y: 800 - i * 16, size: 9, font }));
  return Buffer.from(await pdf.save());
}

test.describe('letters and traceability', () => {
  test('the secretariat registers a letter as points with suggested paragraphs, and reads what became of them', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, 'sekretariat@aftalerum.test');
    await page.getByRole('link', { name: `Høringer for ${AGREEMENT}` }).click();
    await page.getByRole('link', { name: `Behandl høringssvar i ${HEARING}` }).click();
    await page.getByRole('link', { name: 'Registrér et høringssvar, der kom som brev (PDF eller Word)' }).click();
    await expect(page.getByRole('heading', { name: 'Høringssvar som brev', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle('Høringssvar som brev – Aftalerum');

    await page.getByLabel('Brevet (PDF eller Word)').setInputFiles({ name: 'høringssvar.pdf', mimeType: 'application/pdf', buffer: await letterPdf() });
    await expect(page.getByRole('status').filter({ hasText: 'Brevet er delt i 3 punkter.' })).toBeVisible();
    const points = page.getByRole('list', { name: 'Brevets punkter' }).getByRole('listitem');
    await expect(points).toHaveCount(3);
    const first = points.nth(0).getByRole('group', { name: 'Hvilket afsnit handler punktet om?' });
    // Each point's most likely paragraph comes first and is chosen: the psychiatric focus area, the principle of equal quality.
    await expect(first.getByRole('radio').first()).toBeChecked();
    await expect(first.getByRole('radio').first()).toHaveAccessibleName(/psykisk sygdom · \d+ % match$/);
    await expect(points.nth(1).getByRole('radio').first()).toBeChecked();
    await expect(points.nth(1).getByRole('radio').first()).toHaveAccessibleName(/samme høje (faglige )?kvalitet/i);
    // The thanks point to nothing in particular: a general remark.
    await points.nth(2).getByRole('radio', { name: 'Generel bemærkning (intet bestemt afsnit)' }).check();
    const accessibility = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(accessibility.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Kræftens Bekæmpelse' });
    await page.getByRole('button', { name: 'Registrér svaret med 3 punkter' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Svaret fra Kræftens Bekæmpelse er registreret som SA24-H-\d{4} med 3 punkter\.$/ })).toBeVisible();

    // Processing: the organisation's "what we said — what changed", with its Word document.
    await page.getByRole('link', { name: `← ${HEARING}` }).click();
    await page.getByText('Hvad vi sagde – hvad der blev ændret, pr. organisation').click();
    await page.getByRole('link', { name: 'Kræftens Bekæmpelse', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Hvad vi sagde – hvad der blev ændret', level: 1 })).toBeVisible();
    await expect(page.getByText('Høringssvar fra Kræftens Bekæmpelse')).toBeVisible();
    const entries = page.getByRole('listitem').filter({ hasText: 'Det sagde vi:' });
    await expect(entries).toHaveCount(3);
    await expect(entries.nth(0)).toContainText(/Til afsnittet »(Mål: )?Sammen om borgere med psykisk sygdom«/);
    await expect(entries.nth(0)).toContainText(/Afsnittet er (uændret|ændret)/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Hent som Word' }).click();
    const file = await (await download).path();
    expect((await readFile(file as string)).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

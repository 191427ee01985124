import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { readFile } from 'node:fs/promises';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TITLE = 'Sundhedsaftale 2028–2031 (importeret)';

/** The first draft of the visions, as the secretariat has it in Word. */
async function visionsDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Baggrund', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Udkast drøftet i Sundhedssamarbejdsudvalget.'),
          new Paragraph({ text: 'Fælles populationsansvar', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('Vi tager '), new TextRun({ text: 'fælles', bold: true }), new TextRun(' ansvar.')] }),
          new Paragraph({ text: 'Mere lighed i sundhed', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Tidlig opsporing', bullet: { level: 0 } }),
          new Paragraph({ text: 'Lige adgang til behandling', bullet: { level: 0 } }),
          new Paragraph({ text: 'Sammen om børn og unges sundhed', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              new TableRow({ children: ['Mål', 'Ansvarlig'].map((text) => new TableCell({ children: [new Paragraph(text)] })) }),
              new TableRow({ children: ['Færre indlæggelser', 'Kommunerne'].map((text) => new TableCell({ children: [new Paragraph(text)] })) }),
            ],
          }),
          new Paragraph({ text: 'Data og rekruttering', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Vi deler data og rekrutterer sammen.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('E-mail').fill('sekretariat@aftalerum.test');
  await page.getByLabel('Adgangskode').fill('demo1234');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Word' }).click();
  await expect(page.getByRole('heading', { name: 'Word og udskrift', level: 1 })).toBeVisible();
}

test.describe('Word import and export', () => {
  test('the secretariat uploads a Word document, confirms the sections and sees them in the new agreement', async ({ page }) => {
    await signIn(page);
    const file = page.getByLabel('Vælg et Word-dokument (.docx)');

    // A file that is not a Word document is refused with a message that says what to do.
    await file.setInputFiles({ name: 'visioner.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%\n') });
    await expect(page.getByRole('alert')).toContainText('Filen er en PDF');

    await file.setInputFiles({ name: 'visioner.docx', mimeType: DOCX, buffer: await visionsDocx() });
    await expect(page.getByRole('heading', { name: 'Bekræft afsnittene i visioner.docx' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);

    // The suggestions, which the secretariat confirms or corrects.
    await expect(page.getByLabel('Type for «Baggrund»')).toHaveValue('PREAMBLE');
    await expect(page.getByLabel('Type for «Fælles populationsansvar»')).toHaveValue('VISION');
    await expect(page.getByLabel('Type for «Mere lighed i sundhed»')).toHaveValue('SUBHEADING');
    await expect(page.getByLabel('Type for «Sammen om børn og unges sundhed»')).toHaveValue('FOCUS_AREA');
    await expect(page.getByLabel('Type for «Data og rekruttering»')).toHaveValue('OTHER');
    await page.getByLabel('Type for «Data og rekruttering»').selectOption({ label: 'Princip' });
    await expect(page.getByText('Dokumentet bliver til 4 afsnit.')).toBeVisible();
    // The preview (table, selects, target form) is accessible.
    const audit = await new AxeBuilder({ page }).include('.word-page').analyze();
    expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.getByLabel('En ny aftale').check();
    await page.getByLabel('Titel').fill(TITLE);
    await page.getByLabel('Region').selectOption({ label: 'Region Hovedstaden' });
    await page.getByLabel('Periodens første år').fill('2028');
    await page.getByLabel('Periodens sidste år').fill('2031');
    await page.getByLabel('Ikrafttræden').fill('2028-01-01');
    await page.getByRole('button', { name: 'Importér' }).click();

    await expect(page.getByRole('heading', { name: `Aftalen «${TITLE}» er oprettet` })).toBeVisible();
    const sections = page.getByRole('list', { name: 'Afsnit i udkastet' }).getByRole('listitem');
    await expect(sections).toHaveText([
      'Indledning Baggrund',
      'Vision Fælles populationsansvar',
      'Fokusområde Sammen om børn og unges sundhed',
      'Princip Data og rekruttering',
    ]);

    // The new agreement can be downloaded again as a Word document.
    await page.getByRole('region', { name: 'Hent aftalen som fil' }).getByLabel('Aftale', { exact: true }).selectOption({ label: `${TITLE} (Region Hovedstaden)` });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent som Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const exported = await readFile((await download.path())!);
    expect(exported.subarray(0, 2).toString('latin1')).toBe('PK');
    await expect(page.getByText(/er hentet\.$/)).toBeVisible();

    // And as a tagged PDF.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent som tilgængelig PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

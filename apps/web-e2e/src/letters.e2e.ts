import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, expect, Page, test } from '@playwright/test';
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

async function gql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await request.post('/graphql', { data: { query, variables }, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Lines as a word processor writes them to PDF. */
async function pdfOf(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 40, y: 800 - i * 16, size: 9, font }));
  return Buffer.from(await pdf.save());
}

/** A letter as a word processor writes it to PDF: letterhead, greeting, numbered points, signature. */
async function letterPdf(): Promise<Buffer> {
  return pdfOf([
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
  ]);
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

  test('on Syddanmark’s open draft, a registered letter goes with the response as its attachment, and the editor counts its points on their paragraphs', async ({ page, request }) => {
    test.setTimeout(120_000);
    const { login } = await gql<{ login: { token: string } }>(request, 'mutation($e: String!) { login(email: $e, password: "demo1234") { token } }', { e: 'sekretariat.syddanmark@aftalerum.test' });
    const { agreements, regions } = await gql<{
      agreements: Array<{ id: string; title: string; canEdit: boolean; region: { code: string }; versions: Array<{ id: string; label: string }> }>;
      regions: Array<{ code: string; municipalities: Array<{ id: string; name: string }> }>;
    }>(request, '{ agreements { id title canEdit region { code } versions { id label } } regions { code municipalities { id name } } }', {}, login.token);
    const agreement = agreements.find((a) => a.region.code === 'S');
    const version = agreement?.versions.find((v) => v.label === 'Høringsudkast');
    const odense = regions.find((r) => r.code === 'S')?.municipalities.find((m) => m.name === 'Odense Kommune');
    if (!agreement || !version || !odense) throw new Error('Syddanmark’s demo has no agreement with a hearing draft, or no Odense Kommune');
    // The draft is open: the secretariat edits it (where the editor shows the counts).
    expect(agreement.canEdit).toBe(true);
    const title = `Brevhøring ${Date.now()}`;
    const { openHearing } = await gql<{ openHearing: { id: string } }>(
      request,
      'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }',
      { i: { versionId: version.id, title, opensAt: new Date(Date.now() - 3_600_000).toISOString(), closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), invitedOrganisationIds: [odense.id] } },
      login.token,
    );

    await signIn(page, 'sekretariat.syddanmark@aftalerum.test');
    await page.goto(`/hoeringer/${openHearing.id}`);
    await page.getByRole('link', { name: 'Registrér et høringssvar, der kom som brev (PDF eller Word)' }).click();
    await expect(page.getByRole('heading', { name: 'Høringssvar som brev', level: 1 })).toBeVisible();
    const letter = await pdfOf([
      'Odense Kommune',
      'Flakhaven 2, 5000 Odense C',
      '',
      'Kære sekretariat',
      '',
      '1. Telemedicinsk hjemmemonitorering af borgere med KOL og hjertesvigt bør udbredes hurtigere i hele regionen.',
      '2. Rekrutteringen skal styrkes sammen med SOSU-skolerne, så manglen på hænder ikke rammer én sektor alene.',
      '',
      'Med venlig hilsen',
      'Ole Odense',
    ]);
    await page.getByLabel('Brevet (PDF eller Word)').setInputFiles({ name: 'brev fra Odense.pdf', mimeType: 'application/pdf', buffer: letter });
    await expect(page.getByRole('status').filter({ hasText: 'Brevet er delt i 2 punkter.' })).toBeVisible();
    const points = page.getByRole('list', { name: 'Brevets punkter' }).getByRole('listitem');
    await expect(points).toHaveCount(2);
    // The paragraphs the two points are filed on: each point's most likely one, chosen for it.
    const chosen: string[] = [];
    for (const n of [0, 1]) {
      const anchor = points.nth(n).getByRole('group', { name: 'Hvilket afsnit handler punktet om?' }).locator('label').first();
      await expect(anchor.getByRole('radio')).toBeChecked();
      chosen.push(((await anchor.locator('.lt-anchor__text').textContent()) ?? '').trim());
    }
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Odense Kommune' });
    await page.getByRole('button', { name: 'Registrér svaret med 2 punkter' }).click();
    const registered = page.getByRole('status').filter({ hasText: /^Svaret fra Odense Kommune er registreret som [A-Z0-9-]+-\d{4} med 2 punkter\.$/ });
    await expect(registered).toBeVisible();
    const reference = /som (\S+) med/.exec((await registered.textContent()) ?? '')?.[1] ?? '';

    // The letter is the response's attachment: the secretariat opens it from the processing page.
    await page.getByRole('link', { name: `← ${title}` }).click();
    const responses = page.getByRole('region', { name: /^Høringssvar \(\d+\)$/ });
    const filed = responses.getByRole('listitem').filter({ hasText: reference });
    await expect(filed.getByText(/^\((PDF), \d+ kB\)$/)).toBeVisible();
    const download = page.waitForEvent('download');
    await filed.getByRole('button', { name: 'brev fra Odense.pdf fra Odense Kommune' }).click();
    const file = await (await download).path();
    expect((await readFile(file as string)).equals(letter)).toBe(true);

    // The live editor counts the hearing comments on each paragraph the letter's points were filed on.
    await page.goto(`/aftaler/${agreement.id}`);
    const draft = page.getByRole('textbox', { name: 'Udkast' });
    for (const text of new Set(chosen)) {
      const paragraph = draft.locator('[data-anchors]').filter({ hasText: text.slice(0, 60) });
      await expect(paragraph).toHaveAttribute('data-anchors', /^\d+ høringskommentar(er)?( · \d+ input)?$/, { timeout: 30_000 });
    }
  });
});

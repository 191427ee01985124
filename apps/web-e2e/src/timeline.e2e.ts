import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';

// Hovedstaden's agreement replays 2022–2024: its timeline is followed there. Syddanmark's is still
// under way (Det Administrative Tillæg): it is the one taken to approval.
const AGREEMENT = 'Sundhedsaftale 2024–2027 for Region Hovedstaden';
const SYDDANMARK = 'Sundhedsaftale 2024–2027 for Region Syddanmark';
// Syddanmark's municipalities no other end-to-end test decides for (the server's data lasts the whole run).
const APPROVING = 'Fanø Kommune';
const REJECTING = 'Ærø Kommune';
// The SSU, the regional council and the 22 municipalities.
const PARTIES = 24;

async function signIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill('demo1234');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
}

/** Today's date in Danish time written out, as the approvals page shows it (1. december 2026). */
function danishToday(): string {
  return new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
}

/** A calendar date in Danish time, `days` from today, as YYYY-MM-DD. */
function danishDate(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + days * 86_400_000));
}

/** No serious or critical WCAG 2.1 A/AA violations on the page as it is now. */
async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious, `${what}: ${serious.join('\n')}`).toEqual([]);
}

const tabs = (page: Page) => page.getByRole('navigation', { name: 'Aftalens sider' });

test.describe('timeline and approvals', () => {
  test('the secretariat follows Hovedstaden’s timeline of 2022–2024, adds a milestone and sees the agreement approved by all', async ({ page }) => {
    await signIn(page, 'sekretariat@aftalerum.test');

    // ——— The timeline, from the agreement's card ———
    await page.getByRole('link', { name: `Tidslinje for ${AGREEMENT}` }).click();
    await expect(page.getByRole('heading', { name: 'Tidslinje', level: 1 })).toBeVisible();
    await expect(tabs(page).getByRole('link', { name: 'Tidslinje' })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('.tl-countdown')).toHaveText(/^(Ikrafttræden om \d+ dage?|Trådt i kraft 1\. januar 2024|Ikrafttræden var planlagt til 1\. januar 2024)$/);

    // The demo milestones, in the accessible table, with their dates and kinds in words.
    const table = page.getByRole('table', { name: /Alle milepæle/ });
    const inputDeadline = table.getByRole('row', { name: /Frist for klyngernes input til sekretariatet for SSU/ });
    await expect(inputDeadline).toContainText('1. februar 2023');
    await expect(inputDeadline).toContainText('Frist');
    await expect(inputDeadline).toContainText('Inputrunde');
    const inForce = table.getByRole('row', { name: /Sundhedsaftale 2024–2027 træder i kraft/ });
    await expect(inForce).toContainText('1. januar 2024');
    await expect(inForce).toContainText('Beslutning');
    // The drawn timeline has a marker per milestone up to the effective date, and is hidden from screen readers.
    const chart = page.locator('.tl-chart svg');
    await expect(chart).toHaveAttribute('aria-hidden', 'true');
    await expect(chart).toContainText('Frist for klyn');
    await expect(chart).toContainText('1. feb. 2023');
    await expect(chart).toContainText('Inputrunde');
    const markersBefore = await page.locator('.tl-marker').count();
    expect(markersBefore).toBeGreaterThanOrEqual(10);

    // A milestone added afterwards whose date has passed: on an agreement approved by every party
    // it is done, not late.
    const doneTitle = `Opfølgning på aftalens mål ${Date.now()}`;
    const lateStat = page.getByRole('list', { name: 'Status for tidsplanen' }).getByRole('listitem').filter({ hasText: 'Overskredet' });
    const lateBefore = Number((await lateStat.locator('.tl-stat__value').innerText()).split(' ')[0]);
    const addForm = page.getByRole('form', { name: 'Tilføj milepæl' });
    await addForm.getByLabel('Titel').fill(doneTitle);
    await addForm.getByLabel('Type').selectOption({ label: 'Frist' });
    await addForm.getByLabel('Dato', { exact: true }).fill(danishDate(-5));
    await addForm.getByLabel('Fase').selectOption({ label: 'Godkendelse' });
    await addForm.getByRole('button', { name: 'Tilføj milepæl' }).click();
    await expect(addForm.getByRole('status')).toContainText(`Milepælen er tilføjet: ${doneTitle}`);
    const doneRow = table.getByRole('row', { name: new RegExp(doneTitle) });
    await expect(doneRow).toContainText('Gennemført');
    await expect(doneRow).toHaveClass(/tl-row--done/);
    await expect(lateStat.locator('.tl-stat__value')).toHaveText(`${lateBefore} ${lateBefore === 1 ? 'milepæl' : 'milepæle'}`);
    // It lies after the effective date: the whole period up to today shows it too.
    await page.getByRole('radio', { name: 'Hele perioden til i dag' }).check();
    await expect(page.locator('.tl-marker')).toHaveCount(await table.locator('tbody tr').count());
    expect(await page.locator('.tl-marker').count()).toBeGreaterThan(markersBefore);
    await expect(page.locator('.tl-today line')).toHaveCount(1);
    await expectAccessible(page, 'timeline');

    // Approved by every party: the approvals page says so, and no decision can be recorded any more.
    await tabs(page).getByRole('link', { name: 'Godkendelser' }).click();
    await expect(page.getByRole('heading', { name: 'Godkendelser', level: 1 })).toBeVisible();
    await expect(page.locator('.ap-summary__count')).toHaveText('31 af 31 har godkendt');
    await expect(page.getByRole('form', { name: 'Registrér beslutning' })).toHaveCount(0);
  });

  test('the secretariat locks the version with Det Administrative Tillæg as final, records two municipalities’ decisions and sees the count, the grid and the dashboard change', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, 'sekretariat.syddanmark@aftalerum.test');

    // ——— The draft with the annex is saved as a version ———
    await page.getByRole('listitem').filter({ hasText: SYDDANMARK }).getByRole('link', { name: `Åbn udkast til ${SYDDANMARK}` }).click();
    await expect(page.getByRole('textbox', { name: 'Udkast' })).toContainText('Det Administrative Tillæg');
    const label = `Med Det Administrative Tillæg ${Date.now()}`;
    await page.getByLabel('Navn på versionen').fill(label);
    await page.getByRole('button', { name: 'Lås version' }).click();
    await expect(page.getByRole('status').filter({ hasText: `„${label}“ er låst` })).toBeVisible();
    const versionHeading = page.getByRole('region', { name: 'Versioner' }).getByRole('heading', { name: label });
    const annexVersion = Number(/Version (\d+)/.exec((await versionHeading.textContent()) ?? '')?.[1]);
    expect(annexVersion).toBeGreaterThan(2);

    // ——— The timeline of the agreement still under way ———
    await page.goto('/');
    await page.getByRole('link', { name: `Tidslinje for ${SYDDANMARK}` }).click();
    await expect(page.getByRole('heading', { name: 'Tidslinje', level: 1 })).toBeVisible();
    // The secretariat adds a milestone whose date has passed: with the approval still ahead, it is shown as late.
    const table = page.getByRole('table', { name: /Alle milepæle/ });
    const lateTitle = `Kommunernes bemærkninger til økonomien ${Date.now()}`;
    const lateStat = page.getByRole('list', { name: 'Status for tidsplanen' }).getByRole('listitem').filter({ hasText: 'Overskredet' });
    const lateBefore = Number((await lateStat.locator('.tl-stat__value').innerText()).split(' ')[0]);
    const addForm = page.getByRole('form', { name: 'Tilføj milepæl' });
    await addForm.getByLabel('Titel').fill(lateTitle);
    await addForm.getByLabel('Type').selectOption({ label: 'Frist' });
    await addForm.getByLabel('Dato', { exact: true }).fill(danishDate(-5));
    await addForm.getByLabel('Fase').selectOption({ label: 'Godkendelse' });
    await addForm.getByRole('button', { name: 'Tilføj milepæl' }).click();
    await expect(addForm.getByRole('status')).toContainText(`Milepælen er tilføjet: ${lateTitle}`);
    const lateRow = table.getByRole('row', { name: new RegExp(lateTitle) });
    await expect(lateRow).toContainText('Overskredet for 5 dage siden');
    await expect(lateRow).toHaveClass(/tl-row--late/);
    await expect(lateStat.locator('.tl-stat__value')).toHaveText(`${lateBefore + 1} ${lateBefore + 1 === 1 ? 'milepæl' : 'milepæle'}`);

    // ——— An approval can be recorded only in Godkendelse, on a locked final version ———
    await tabs(page).getByRole('link', { name: 'Godkendelser' }).click();
    await expect(page.getByRole('heading', { name: 'Godkendelser', level: 1 })).toBeVisible();
    // The political part was decided on in autumn 2023, on its locked final version.
    await expect(page.getByTestId('locked-final-version')).toHaveText('Parterne beslutter om version 2 (Politisk del, endelig), låst 28. september 2023.');
    await expect(page.getByRole('form', { name: 'Registrér beslutning' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Lås som endelig version' })).toHaveCount(0);

    // The phases follow the process: a jump is refused with the step that comes next.
    await tabs(page).getByRole('link', { name: 'Tidslinje' }).click();
    const phaseForm = page.getByRole('form', { name: 'Flyt til fase' });
    const original = await phaseForm.getByLabel('Ny fase').inputValue();
    expect(original).toBe('INPUT_ROUND');
    await phaseForm.getByLabel('Ny fase').selectOption({ label: 'Godkendelse' });
    await phaseForm.getByRole('button', { name: 'Flyt til fase' }).click();
    await expect(page.getByText('Aftalen kan ikke springe fra Inputrunde til Godkendelse. Næste trin er Udarbejdelse af udkast; faserne følges i rækkefølge.')).toBeVisible();
    for (const label of ['Udarbejdelse af udkast', 'Høring', 'Behandling af høringssvar']) {
      await phaseForm.getByLabel('Ny fase').selectOption({ label });
      await phaseForm.getByRole('button', { name: 'Flyt til fase' }).click();
      await expect(phaseForm.getByRole('status')).toHaveText(`Aftalen er flyttet til fasen ${label}.`);
    }
    // ——— Moving to the approval phase puts approval requests in the outbox ———
    await phaseForm.getByLabel('Ny fase').selectOption({ label: 'Godkendelse' });
    await phaseForm.getByRole('button', { name: 'Flyt til fase' }).click();
    await expect(phaseForm.getByRole('status')).toHaveText('Aftalen er flyttet til fasen Godkendelse. Anmodninger om godkendelse er lagt i udbakken.');
    await expect(page.locator('.tl-phase-badge')).toHaveText('Fase: Godkendelse');

    // In Godkendelse the secretariat locks the version with the annex as the final one: the decisions
    // on the political part are superseded, and every party decides again.
    await tabs(page).getByRole('link', { name: 'Godkendelser' }).click();
    await page.getByLabel('Version, der låses som endelig').selectOption({ label: `Version ${annexVersion} – ${label}` });
    await page.getByRole('button', { name: 'Lås som endelig version' }).click();
    await expect(page.getByTestId('locked-final-version')).toContainText(`Parterne beslutter om version ${annexVersion} (${label})`);
    await expect(page.getByText('Besluttede på en tidligere version og skal beslutte igen:')).toContainText(APPROVING);

    // ——— Approvals ———
    const count = page.locator('.ap-summary__count');
    await expect(count).toHaveText(new RegExp(`^\\d+ af ${PARTIES} har godkendt$`));
    const approvedBefore = Number((await count.innerText()).split(' ')[0]);
    const grid = page.getByRole('region', { name: 'Parterne' });
    await expect(grid.getByRole('listitem')).toHaveCount(PARTIES);
    const approving = grid.getByRole('listitem', { name: new RegExp(`^${APPROVING}:`) });
    const rejecting = grid.getByRole('listitem', { name: new RegExp(`^${REJECTING}:`) });
    await expect(approving).toHaveAccessibleName(`${APPROVING}: Afventer`);
    await expect(rejecting).toHaveAccessibleName(`${REJECTING}: Afventer`);
    await expect(approving).toHaveClass(/ap-tile--pending/);

    // Fanø approves, with the decision document.
    const form = page.getByRole('form', { name: 'Registrér beslutning' });
    await form.getByLabel('Part', { exact: true }).selectOption({ label: `${APPROVING} (afventer)` });
    await form.getByRole('radio', { name: 'Godkendt', exact: true }).check();
    await form.getByLabel('Dato for beslutningen').fill(danishDate(0));
    await form.getByLabel('Møde og dagsordenspunkt (valgfrit)').fill('Byrådets møde, pkt. 7');
    await form.getByLabel('Beslutningsdokument (PDF eller Word, valgfrit)').setInputFiles({
      name: 'beslutning-fanoe.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await form.getByRole('button', { name: 'Registrér beslutning' }).click();
    await expect(form.getByRole('status')).toHaveText(`Beslutningen er registreret: ${APPROVING} – Godkendt, med beslutning-fanoe.pdf.`);
    await expect(count).toHaveText(`${approvedBefore + 1} af ${PARTIES} har godkendt`);
    await expect(approving).toHaveAccessibleName(`${APPROVING}: Godkendt ${danishToday()}`);
    await expect(approving).toHaveClass(/ap-tile--approved/);
    await expect(page.getByRole('alert').filter({ hasText: 'ikke godkendt aftalen' })).toHaveCount(0);

    // Ærø does not approve. It is recorded in another tab; this one shows it live.
    const other = await page.context().newPage();
    await other.goto(page.url());
    const otherForm = other.getByRole('form', { name: 'Registrér beslutning' });
    await otherForm.getByLabel('Part', { exact: true }).selectOption({ label: `${REJECTING} (afventer)` });
    await otherForm.getByRole('radio', { name: 'Ikke godkendt' }).check();
    await otherForm.getByLabel('Dato for beslutningen').fill(danishDate(0));
    await otherForm.getByLabel('Note (valgfri)').fill('Økonomien i aftalen er uafklaret.');
    await otherForm.getByRole('button', { name: 'Registrér beslutning' }).click();
    await expect(otherForm.getByRole('status')).toHaveText(`Beslutningen er registreret: ${REJECTING} – Ikke godkendt.`);
    await other.close();
    // Well within the ten-second fallback poll: the decision came over the subscription.
    await expect(rejecting).toHaveAccessibleName(`${REJECTING}: Ikke godkendt ${danishToday()}`, { timeout: 5_000 });
    await expect(page.getByRole('status').filter({ hasText: 'Ny beslutning' })).toHaveText(`Ny beslutning: ${REJECTING} – Ikke godkendt.`);
    await expect(count).toHaveText(`${approvedBefore + 1} af ${PARTIES} har godkendt`);
    await expect(rejecting).toHaveClass(/ap-tile--rejected/);
    const rejection = page.getByRole('alert').filter({ hasText: 'ikke godkendt aftalen' });
    await expect(rejection).toBeVisible();
    await expect(rejection).toContainText(REJECTING);

    // The grid filters by status, and the decisions are listed with their details.
    await grid.getByRole('radio', { name: /^Ikke godkendt/ }).check();
    await expect(rejecting).toBeVisible();
    await expect(approving).toHaveCount(0);
    await grid.getByRole('radio', { name: /^Alle/ }).check();
    await expect(grid.getByRole('listitem')).toHaveCount(PARTIES);
    const decisions = page.getByRole('table', { name: /Registrerede beslutninger/ });
    await expect(decisions.getByRole('row', { name: new RegExp(APPROVING) })).toContainText('Byrådets møde, pkt. 7');
    // The secretariat downloads the decision document it attached.
    const downloading = page.waitForEvent('download');
    await decisions.getByRole('row', { name: new RegExp(APPROVING) }).getByRole('button', { name: `Hent beslutningsdokumentet fra ${APPROVING}` }).click();
    const saved = await (await downloading).path();
    expect((await readFile(saved as string)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(decisions.getByRole('row', { name: new RegExp(REJECTING) })).toContainText('Økonomien i aftalen er uafklaret.');
    await expectAccessible(page, 'approvals');

    // The decisions are stored: they are there after a reload.
    await page.reload();
    await expect(count).toHaveText(`${approvedBefore + 1} af ${PARTIES} har godkendt`);
    await expect(rejecting).toHaveAccessibleName(`${REJECTING}: Ikke godkendt ${danishToday()}`);

    // ——— The dashboard shows the same ———
    await tabs(page).getByRole('link', { name: 'Overblik' }).click();
    await expect(page.getByRole('heading', { name: 'Overblik', level: 1 })).toBeVisible();
    const approvalsCard = page.getByRole('listitem', { name: 'Godkendelser', exact: true });
    await expect(approvalsCard).toContainText(`${approvedBefore + 1} af ${PARTIES} har godkendt`);
    await expect(approvalsCard).toContainText('har ikke godkendt');
    await expect(page.getByRole('progressbar', { name: 'Godkendelser' })).toHaveAttribute('aria-valuenow', String(approvedBefore + 1));
    await expect(page.getByRole('listitem', { name: 'Høringssvar', exact: true })).toContainText('modtaget');

    // ——— The approval requests sent when the phase moved to Godkendelse are in the outbox ———
    await tabs(page).getByRole('link', { name: 'Overblik' }).click();
    const outbox = page.getByRole('region', { name: /^Udbakke/ });
    // Requests are written by the job queue; the dashboard refreshes itself.
    await expect(outbox.getByRole('heading', { name: `Anmodning om godkendelse: ${SYDDANMARK}` }).first()).toBeVisible({ timeout: 30_000 });
    await expect(outbox.getByText('Anmodning om godkendelse', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'Fase', exact: true })).toContainText('Godkendelse');
    await expectAccessible(page, 'dashboard');

    // Leave the phase as it was for the other tests.
    await tabs(page).getByRole('link', { name: 'Tidslinje' }).click();
    await phaseForm.getByLabel('Ny fase').selectOption(original);
    await phaseForm.getByRole('button', { name: 'Flyt til fase' }).click();
    await expect(phaseForm.getByRole('status')).toContainText('Aftalen er flyttet til fasen');
    await expect(page.locator('.tl-phase-badge')).not.toHaveText('Fase: Godkendelse');
  });
});

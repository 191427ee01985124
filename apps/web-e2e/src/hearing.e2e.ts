import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MAIL_DIR } from './mail-server';

// The demo's hearing on Hovedstaden's agreement closed in June 2023; a new hearing is opened on
// Syddanmark's, whose hearing draft (version 1) is its political part.
const AGREEMENT = 'Sundhedsaftale 2024–2027 for Region Hovedstaden';
const SYDDANMARK = 'Sundhedsaftale 2024–2027 for Region Syddanmark';
const VISION_PARAGRAPH = /^Kommentér afsnittet »Regionen, kommunerne og almen praksis tager/;
const PREAMBLE_PARAGRAPH = /^Kommentér afsnittet »Sundhedsaftalen er den politiske ramme/;

async function signIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill('demo1234');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
}

/** No serious or critical WCAG 2.1 A/AA violations on the page as it is now (the memo's sandboxed frame aside). */
async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('iframe').analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious, `${what}: ${serious.join('\n')}`).toEqual([]);
  expect(results.passes.length, what).toBeGreaterThan(5);
}

/** A date a few days ahead as the value of <input type="datetime-local">. */
function daysAhead(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T12:00`;
}

/** The 6-digit code in the newest mail to `address` that the run's mail server received. */
async function mailedCode(address: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => {
      for (const file of (await readdir(MAIL_DIR)).sort().reverse()) {
        const mail = JSON.parse(await readFile(path.join(MAIL_DIR, file), 'utf8')) as { to: string[]; body: string };
        if (mail.to.includes(address.toLowerCase())) return (code = /Din kode er (\d{6})/.exec(mail.body)?.[1]);
      }
      return undefined;
    }, { timeout: 20_000 })
    .toMatch(/^\d{6}$/);
  return code as string;
}

/** The first bytes of a download, to check what kind of file it is. */
async function firstBytes(download: { path(): Promise<string | null> }, n: number): Promise<string> {
  const file = await download.path();
  if (!file) throw new Error('the download was not saved');
  return (await readFile(file)).subarray(0, n).toString('latin1');
}

test.describe('the hearing', () => {
  test('a patient organisation answers through its invitation; the secretariat replies and downloads the memo', async ({ page, context, browser, baseURL }) => {
    test.setTimeout(120_000);
    const title = `Bred høring ${Date.now()}`;

    // ——— The secretariat opens a hearing on version 1, inviting Hjerteforeningen. ———
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await signIn(page, 'sekretariat.syddanmark@aftalerum.test');
    await page.getByRole('link', { name: `Høringer for ${SYDDANMARK}` }).click();
    const agreement = page.getByRole('region', { name: SYDDANMARK });
    await expect(page.getByRole('heading', { name: 'Høringer', level: 1 })).toBeVisible();
    // Hovedstaden's hearing is not Syddanmark's secretariat's to see.
    await expect(page.getByRole('link', { name: 'Bred høring over Sundhedsaftale 2024–2027', exact: true })).toHaveCount(0);
    await agreement.getByText('Åbn høring', { exact: true }).click();
    const form = page.getByRole('form', { name: `Åbn høring over ${SYDDANMARK}` });
    await form.getByLabel('Høringsudkast (version)').selectOption({ label: 'Version 1: Høringsudkast' });
    await form.getByLabel('Titel (valgfri)').fill(title);
    await form.getByLabel('Høringsfrist').fill(daysAhead(4));
    // Refused without invitations, with a message.
    await form.getByRole('button', { name: 'Åbn høringen' }).click();
    await expect(form.getByRole('alert')).toHaveText('Vælg mindst én organisation, der inviteres til at svare.');
    await form.getByRole('group', { name: 'Patientforeninger' }).getByRole('checkbox', { name: 'Hjerteforeningen' }).check();
    await form.getByRole('button', { name: 'Åbn høringen' }).click();

    // The processing page of the new, open hearing.
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.getByRole('main').getByText('Åben', { exact: true })).toBeVisible();
    await expect(page.getByText(/\(om (3 dage|4 dage)/)).toBeVisible();
    const invitations = page.getByRole('region', { name: 'Invitationer' });
    const hjerte = invitations.getByRole('row', { name: /Hjerteforeningen/ });
    await expect(hjerte).toContainText('Mangler');
    await expect(invitations.getByRole('row')).toHaveCount(2);

    // Copy the invitation link.
    const linkField = invitations.getByLabel('Invitationslink til Hjerteforeningen');
    const firstLink = await linkField.inputValue();
    expect(firstLink).toMatch(new RegExp(`^${baseURL}/hoering/invitation/[\\w.-]{20,}$`));
    await invitations.getByRole('button', { name: 'Kopiér link til Hjerteforeningen' }).click();
    await expect(invitations.getByRole('status')).toHaveText('Linket til Hjerteforeningen er kopieret.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstLink);

    // The link is withdrawn (no address left to copy), then a new one is issued from the keyboard.
    await invitations.getByRole('button', { name: 'Træk linket tilbage for Hjerteforeningen' }).click();
    await expect(invitations.getByRole('status')).toHaveText('Linket til Hjerteforeningen er trukket tilbage og virker ikke længere.');
    await expect(hjerte).toContainText('Trukket tilbage');
    await expect(linkField).toHaveCount(0);
    await expect(invitations.getByRole('button', { name: 'Udsted nyt link til Hjerteforeningen' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(invitations.getByRole('status')).toHaveText('Der er udstedt et nyt link til Hjerteforeningen. Tidligere links virker ikke længere.');
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${baseURL}/hoering/invitation/[\\w.-]{20,}$`));
    expect(link).not.toBe(firstLink);

    // ——— Hjerteforeningen opens the link in another browser and answers. ———
    const other = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    const org = await other.newPage();
    // The first link no longer works.
    await org.goto(firstLink);
    await org.getByLabel('Dit navn').fill('Hanne Hjerte');
    await org.getByLabel('Din e-mail').fill(`hanne.gammel.${Date.now()}@hjerteforeningen.test`);
    await org.getByRole('button', { name: 'Fortsæt til høringen' }).click();
    await expect(org.getByRole('alert')).toHaveText(/^Invitationslinket er erstattet af et nyere link/);
    await org.goto(link);
    await expect(org.getByRole('heading', { name: 'Invitation til at afgive høringssvar' })).toBeVisible();
    // The landing page names the organisation, the hearing and the deadline.
    await expect(org.getByRole('definition')).toHaveText(['Hjerteforeningen', `${title} (${SYDDANMARK})`, /^\d{1,2}\. \w+ \d{4} kl\. 12\.00$/]);
    await expectAccessible(org, 'invitation');
    await org.getByLabel('Dit navn').fill('Hanne Hjerte');
    const hanne = `hanne.${Date.now()}@hjerteforeningen.test`;
    await org.getByLabel('Din e-mail').fill(hanne);
    await org.getByRole('button', { name: 'Fortsæt til høringen' }).click();

    // The code step: the heading has focus, a wrong code is refused in words, the mailed one lets her in.
    await expect(org.getByRole('heading', { name: 'Skriv koden fra din e-mail', level: 1 })).toBeFocused();
    await expect(org.getByText(`Vi har sendt en kode på 6 cifre til ${hanne}.`, { exact: false })).toBeVisible();
    await expectAccessible(org, 'invitation code');
    const codeField = org.getByLabel('Kode fra e-mailen');
    const code = await mailedCode(hanne);
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await codeField.press('Enter');
    await expect(org.getByRole('alert')).toHaveText('Koden er forkert. Du har 4 forsøg tilbage.');
    await expect(codeField).toBeFocused();
    await expect(codeField).toHaveAttribute('aria-invalid', 'true');
    await codeField.fill(code);
    await org.getByRole('button', { name: 'Bekræft og fortsæt til høringen' }).click();

    await expect(org).toHaveURL(/\/hoeringer\/[0-9a-f-]{36}\/svar$/);
    await expect(org.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(org.getByText('Hanne Hjerte · Organisation, Hjerteforeningen')).toBeVisible();
    const draft = org.getByRole('article', { name: 'Høringsudkastet, version 1: Høringsudkast' });
    await expect(draft.getByRole('heading', { name: 'Fælles ansvar for den syddanske befolkning' })).toBeVisible();

    // A comment on the vision's paragraph: the field opens under it, with focus.
    await draft.getByRole('button', { name: VISION_PARAGRAPH }).click();
    const first = org.getByRole('textbox', { name: /^Kommentar til afsnittet »Regionen, kommunerne og almen praksis tager/ });
    await expect(first).toBeFocused();
    await first.fill('Pårørende skal nævnes som en del af det fælles ansvar.');

    // A comment on the preamble's paragraph, quoting the words selected in it.
    await org.evaluate(() => {
      const paragraph = [...document.querySelectorAll('[data-quote-block] p')].find((p) => p.textContent?.startsWith('Sundhedsaftalen er den politiske ramme'));
      const text = paragraph?.firstChild;
      if (!text?.textContent) throw new Error('no preamble paragraph');
      const start = text.textContent.indexOf('den politiske ramme');
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 'den politiske ramme'.length);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
    await draft.getByRole('button', { name: PREAMBLE_PARAGRAPH }).click();
    const second = org.getByRole('textbox', { name: /^Kommentar til afsnittet »Sundhedsaftalen er den politiske ramme/ });
    await expect(second).toBeFocused();
    await expect(org.getByRole('group', { name: /^Kommentar 1 til afsnittet »Sundhedsaftalen/ }).getByLabel('Citat fra teksten (valgfrit)')).toHaveValue(
      'den politiske ramme',
    );
    await second.fill('Almen praksis bør nævnes som part allerede i indledningen.');
    await expectAccessible(org, 'response form');

    const response = org.getByRole('form', { name: 'Jeres høringssvar' });
    await expect(response.getByText('2 kommentarer til udkastet.')).toBeVisible();
    await response.getByRole('checkbox', { name: 'Må offentliggøres, når høringen er afsluttet' }).check();
    // The draft is saved on its own a moment after typing stops …
    const autosaved = org.waitForResponse((r) => {
      const body = r.request().postData() ?? '';
      return r.url().endsWith('/graphql') && body.includes('saveHearingResponseDraft') && body.includes('bakker op');
    });
    await response.getByLabel('Generelle bemærkninger').fill('Hjerteforeningen bakker op om aftalens visioner.');
    expect((await autosaved).ok()).toBe(true);
    await expect(response.getByRole('status').filter({ hasText: 'Kladde' })).toHaveText(/^Kladde gemt kl\. \d{2}\.\d{2}$/);
    // … and comes back after a reload.
    await org.reload();
    await expect(org.getByRole('textbox', { name: /^Kommentar til afsnittet »Regionen, kommunerne og almen praksis tager/ })).toHaveValue(
      'Pårørende skal nævnes som en del af det fælles ansvar.',
    );
    await expect(response.getByLabel('Generelle bemærkninger')).toHaveValue('Hjerteforeningen bakker op om aftalens visioner.');
    await expect(response.getByRole('checkbox', { name: 'Må offentliggøres, når høringen er afsluttet' })).toBeChecked();
    await expect(response.getByText(/^Kladden fra .+ er hentet frem\.$/)).toBeVisible();

    // An attachment goes with the response.
    await response.getByLabel('Vedhæft bilag').setInputFiles({ name: 'bemærkninger.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect(response.getByText(/^bemærkninger\.pdf \(\d+ kB\)$/)).toBeVisible();
    // A double click submits once (one idempotency key per form).
    await response.getByRole('button', { name: 'Indsend høringssvar' }).dblclick();
    const receipt = org.getByRole('region', { name: 'Høringssvaret er modtaget' });
    await expect(receipt.getByRole('heading', { name: 'Høringssvaret er modtaget' })).toBeFocused();
    const referenceText = receipt.getByText(/^SA24-S\d*-\d{4}$/);
    await expect(referenceText).toBeVisible();
    const reference = (await referenceText.textContent()) ?? '';
    expect(reference).toMatch(/^SA24-S\d*-\d{4}$/);
    await expect(receipt).toContainText(/Modtaget\d{1,2}\. \w+ \d{4} kl\. \d{2}\.\d{2}\.\d{2}/);
    await expect(receipt).toContainText('Hanne Hjerte, Hjerteforeningen');
    await expect(receipt).toContainText('AfsenderSekretariatet for Sundhedssamarbejdsudvalget (SSU), Region Syddanmark');
    await expect(receipt).toContainText('HøringsudkastVersion 1: Høringsudkast');
    await expect(receipt).toContainText(/SHA-256[0-9a-f]{64}/);
    await expect(receipt).toContainText('2 kommentarer og generelle bemærkninger');
    await expect(receipt).toContainText('Må offentliggøres, når høringen er afsluttet');
    const receiptDownload = org.waitForEvent('download');
    await receipt.getByRole('button', { name: 'Hent kvittering (PDF)' }).click();
    const pdf = await receiptDownload;
    expect(pdf.suggestedFilename()).toBe(`kvittering-${reference}.pdf`);
    expect(await firstBytes(pdf, 4)).toBe('%PDF');
    // Opened again, the page shows what was filed, not an empty form; the hearings list says "Besvaret".
    await org.reload();
    const filed = org.getByRole('region', { name: 'Jeres høringssvar er indsendt' });
    await expect(filed).toContainText(reference);
    await expect(filed).toContainText('Pårørende skal nævnes som en del af det fælles ansvar.');
    await expect(filed).toContainText('Hjerteforeningen bakker op om aftalens visioner.');
    await expect(filed.getByRole('blockquote')).toHaveText('»den politiske ramme«');
    await expect(filed.getByRole('button', { name: 'bemærkninger.pdf fra Hjerteforeningen' })).toBeVisible();
    await expect(org.getByRole('form', { name: 'Jeres høringssvar' })).toHaveCount(0);
    await org.goto('/hoeringer');
    const listed = org.getByRole('listitem').filter({ has: org.getByRole('link', { name: title, exact: true }) });
    await expect(listed.getByText('Besvaret', { exact: true })).toBeVisible();
    await expect(listed).toContainText(`kvitteringsnummer ${reference}`);
    await expect(listed.getByRole('button', { name: `Hent kvittering (PDF) for ${reference}` })).toBeVisible();
    await other.close();

    // ——— The secretariat sees the response arrive, replies, and downloads the memo. ———
    const responses = page.getByRole('region', { name: /^Høringssvar \(\d+\)$/ });
    await expect(responses.getByRole('heading', { name: 'Høringssvar (1)' })).toBeVisible({ timeout: 15_000 });
    await expect(responses).toContainText(`${reference} · modtaget`);
    await expect(responses).toContainText('afgivet af Hanne Hjerte · 2 kommentarer');
    await expect(hjerte).toContainText('Har svaret');

    // The secretariat opens the attachment and answers the general remarks.
    const filedByHjerte = responses.getByRole('listitem').filter({ hasText: reference });
    const attachmentDownload = page.waitForEvent('download');
    await filedByHjerte.getByRole('button', { name: 'bemærkninger.pdf fra Hjerteforeningen' }).click();
    const attachment = await attachmentDownload;
    expect(attachment.suggestedFilename()).toBe('bemærkninger.pdf');
    expect(await firstBytes(attachment, 5)).toBe('%PDF-');
    const generalReply = 'Tak for opbakningen til aftalens visioner.';
    const general = filedByHjerte.getByRole('form', { name: 'Svar på de generelle bemærkninger fra Hjerteforeningen' });
    await general.getByLabel('Sekretariatets svar på de generelle bemærkninger').fill(generalReply);
    await general.getByLabel('Udfald').selectOption({ label: 'Noteret' });
    await general.getByRole('button', { name: /^Gem svar/ }).click();
    await expect(filedByHjerte.getByText(generalReply)).toBeVisible();
    await expect(filedByHjerte.getByText('Udfald: Noteret')).toBeVisible();

    // The heat map counts the comments per paragraph, in words.
    const heatmap = page.getByRole('article', { name: 'Varmekort over høringsudkastet' });
    await expect(heatmap.getByRole('button', { name: /^1 kommentar, 0 besvaret, til afsnittet »Regionen, kommunerne og almen praksis tager/ })).toBeVisible();
    await expect(heatmap.getByRole('button', { name: /^1 kommentar, 0 besvaret, til afsnittet »Sundhedsaftalen er den politiske ramme/ })).toBeVisible();
    await expect(heatmap.getByRole('button', { name: /kommentar/ })).toHaveCount(2);
    await expectAccessible(page, 'processing');

    const comments = page.getByRole('list', { name: 'Kommentarer' });
    await expect(comments.getByRole('listitem')).toHaveCount(2);
    // Full-text search finds the comment on pårørende (and not the other).
    await page.getByLabel('Søg i kommentarer').fill('pårørende');
    await expect(comments.getByRole('listitem')).toHaveCount(1);
    await expect(comments.getByRole('listitem')).toContainText('Pårørende skal nævnes');
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await expect(comments.getByRole('listitem')).toHaveCount(2);

    const vision = comments.getByRole('listitem', { name: /^Hjerteforeningen Om afsnittet »Regionen, kommunerne og almen praksis tager/ });
    await expect(vision).toContainText('Ubesvaret');
    const quoted = comments.getByRole('listitem', { name: /^Hjerteforeningen Om afsnittet »Sundhedsaftalen er den politiske ramme/ });
    await expect(quoted.getByRole('blockquote')).toHaveText('den politiske ramme');

    const reply = 'Pårørende er skrevet ind i visionen om det fælles ansvar.';
    await vision.getByLabel('Sekretariatets svar').fill(reply);
    await vision.getByLabel('Udfald').selectOption({ label: 'Indarbejdet' });
    await vision.getByLabel('Ændret afsnit (valgfrit)').selectOption({ label: 'Afsnittet »Regionen, kommunerne og almen praksis tager i fællesskab…«' });
    await vision.getByRole('button', { name: 'Gem svar' }).click();
    await expect(vision.getByRole('status')).toHaveText('Svaret er gemt: Indarbejdet.');
    await expect(vision.getByText('Indarbejdet', { exact: true })).toBeVisible();
    await expect(vision.getByText(reply)).toBeVisible();
    await expect(heatmap.getByRole('button', { name: /^1 kommentar, 1 besvaret, til afsnittet »Regionen, kommunerne og almen praksis tager/ })).toBeVisible();
    // Only the other comment is left unanswered.
    await page.getByRole('checkbox', { name: 'Kun ubesvarede' }).check();
    await expect(comments.getByRole('listitem')).toHaveCount(1);
    await expect(comments.getByRole('listitem')).toContainText('Almen praksis bør nævnes');

    // The memo holds the reply, as HTML in the panel and as DOCX.
    await page.getByRole('button', { name: 'Vis høringsnotatet' }).click();
    await expect(page.getByRole('heading', { name: 'Høringsnotat', level: 2 })).toBeFocused();
    await expect(page.frameLocator('iframe[title="Høringsnotat"]').getByText(reply)).toBeVisible();
    // The general remarks carry the secretariat's answer in the memo, not "Ikke besvaret endnu".
    await expect(page.frameLocator('iframe[title="Høringsnotat"]').getByText(generalReply)).toBeVisible();
    const memoDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Hent høringsnotat (DOCX)' }).click();
    const docx = await memoDownload;
    expect(docx.suggestedFilename()).toBe('høringsnotat.docx');
    expect(await firstBytes(docx, 2)).toBe('PK');
  });

  test('the public page shows the hearing draft and, once closed, the published responses; a forged invitation is refused', async ({ page }) => {
    await signIn(page, 'sekretariat@aftalerum.test');
    await page.getByRole('link', { name: `Høringer for ${AGREEMENT}` }).click();
    // The demo hearing has closed: the secretariat publishes its memo.
    await page.getByRole('link', { name: 'Behandl høringssvar i Bred høring over Sundhedsaftale 2024–2027' }).click();
    await page.getByRole('button', { name: /^Offentliggør høringsnotatet/ }).click();
    await expect(page.getByText(/^(Høringsnotatet er offentliggjort på den offentlige høringsside\.|Offentliggjort .+\.)$/)).toBeVisible();
    await page.getByRole('link', { name: '← Høringer' }).first().click();
    await page.getByRole('link', { name: 'Offentlig side for Bred høring over Sundhedsaftale 2024–2027' }).click();
    await expect(page.getByRole('heading', { name: 'Bred høring over Sundhedsaftale 2024–2027', level: 1 })).toBeVisible();
    const publicUrl = page.url();

    // Without a login.
    await page.context().clearCookies();
    await page.goto(publicUrl);
    await expect(page.getByRole('heading', { name: 'Bred høring over Sundhedsaftale 2024–2027', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Log ind i Aftalerum' })).toHaveCount(0);
    await expect(page.getByRole('article', { name: 'Høringsudkastet' }).getByRole('heading', { name: 'Mere lighed i sundhed' })).toBeVisible();
    await expect(page.getByText('Høringen er afsluttet. Der kan ikke længere afgives høringssvar.')).toBeVisible();
    const published = page.getByRole('region', { name: 'Offentliggjorte høringssvar' });
    await expect(published.getByRole('heading', { level: 3 })).toHaveText([
      'Bornholms Regionskommune',
      'Dansk Sygeplejeråd, Kreds Hovedstaden',
      'Danske Fysioterapeuter',
      'Danske Patienter',
      'Gladsaxe Kommune',
      'Hjerteforeningen',
      'Lægeforeningen',
      'PLO-Hovedstaden',
      'Region Hovedstadens Psykiatri',
      'Rigshospitalet',
      'Ældre Sagen',
    ]);
    await expect(published).not.toContainText('SIND');
    await expect(published).not.toContainText('Demo-bruger');
    // The published memo, with the secretariat's replies.
    const memo = page.getByRole('region', { name: 'Høringsnotat' });
    await expect(memo.getByText(/^Offentliggjort /)).toBeVisible();
    await expect(page.frameLocator('iframe[title="Høringsnotat"]').getByRole('heading', { name: 'Høringsnotat', level: 1 })).toBeVisible();
    await expectAccessible(page, 'public page');

    await page.goto('/hoering/invitation/00000000-0000-4000-8000-000000000000.forfalsket-signatur');
    await page.getByLabel('Dit navn').fill('Falsk Person');
    await page.getByLabel('Din e-mail').fill('falsk@example.test');
    await page.getByRole('button', { name: 'Fortsæt til høringen' }).click();
    await expect(page.getByRole('alert')).toHaveText('Invitationslinket er ugyldigt. Bed sekretariatet om et nyt link.');
    await expect(page).toHaveURL(/\/hoering\/invitation\//);
  });
});

import { APIRequestContext, expect, test } from '@playwright/test';

// Syddanmark's draft is open for writing (Hovedstaden's is approved and closed).
const AGREEMENT = 'Sundhedsaftale 2024–2027 for Region Syddanmark';
const EMAIL = 'sekretariat.syddanmark@aftalerum.test';
const PASSWORD = 'demo1234';
const AREA = 'Det nære sundhedsvæsen';
const NEXT_AREA = 'Borgere med kronisk sygdom';
const GOAL = 'Kortere ventetid til udredning';

/** Agreement.sections as the API derives them from the live draft, through a bearer token of its own. */
async function sectionsOf(request: APIRequestContext, agreementId: string): Promise<Array<{ blockId: string; kind: string; title: string; focusAreaId: string | null }>> {
  const login = await request.post('/graphql', {
    data: { query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: EMAIL, p: PASSWORD } },
  });
  const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
  const result = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}` },
    data: { query: 'query($id: ID!) { agreement(id: $id) { sections { blockId kind title focusAreaId } } }', variables: { id: agreementId } },
  });
  return ((await result.json()) as { data: { agreement: { sections: Array<{ blockId: string; kind: string; title: string; focusAreaId: string | null }> } } }).data.agreement.sections;
}

test('the secretariat inserts a goal under a focus area with the keyboard and finds it in the outline and in Agreement.sections', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Adgangskode').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('listitem').filter({ hasText: AGREEMENT }).getByRole('link', { name: `Åbn udkast til ${AGREEMENT}` }).click();
  await expect(page).toHaveURL(/\/aftaler\/[0-9a-f-]{36}$/);
  const agreementId = /\/aftaler\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
  const draft = page.getByRole('textbox', { name: 'Udkast' });
  await expect(draft).toHaveAttribute('contenteditable', 'true');
  const outline = page.getByRole('navigation', { name: 'Indholdsfortegnelse' });

  // The outline follows the document: the introduction first, the annex after the principles.
  await expect(outline.getByRole('heading', { level: 3 })).toHaveText(['Indledning', 'Visioner', 'Fokusområder', 'Principper', 'Tillæg']);

  // Into the focus area through the outline (Enter on its button), then the context menu key.
  await outline.getByRole('button', { name: AREA, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('h1,h2,p')?.textContent)).toBe(AREA);
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Afsnit' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Indsæt indledning' })).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Indsæt mål' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Mål indsat. Skriv overskriften.' })).toBeAttached();
  // The new heading is selected: typing names the goal.
  await page.keyboard.type(GOAL);
  await expect(draft.locator('section[data-kind="GOAL"] h1')).toHaveText(GOAL);

  // The outline lists it under its focus area.
  await expect(outline.getByRole('list', { name: `Mål under ${AREA}` }).getByRole('button', { name: GOAL })).toBeVisible();

  // Agreement.sections has it right after its focus area, tied to it.
  await expect(page.getByRole('status').filter({ hasText: /^Gemt$/ })).toBeVisible();
  await expect
    .poll(async () => {
      const sections = await sectionsOf(page.request, agreementId);
      const index = sections.findIndex((s) => s.title === GOAL);
      return index > 0 ? { before: sections[index - 1].title, kind: sections[index].kind, tied: sections[index].focusAreaId === sections[index - 1].blockId } : null;
    })
    .toEqual({ before: AREA, kind: 'GOAL', tied: true });

  // "/" in the goal's empty paragraph opens the same menu; Escape puts the "/" in after all.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  // The editor learns of an arrow key's move from the browser's selectionchange: wait for it to land.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('h1,p')?.tagName ?? (window.getSelection()?.anchorNode as Element | null)?.tagName)).toBe('P');
  await page.keyboard.press('/');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(draft.locator('section[data-kind="GOAL"] p')).toHaveText('/');
  await page.keyboard.press('Backspace');

  // Move the goal down past the next focus area: it now belongs to that one.
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(outline.getByRole('list', { name: `Mål under ${AREA}` })).toHaveCount(0);
  await expect(outline.getByRole('list', { name: `Mål under ${NEXT_AREA}` }).getByRole('button', { name: GOAL })).toBeVisible();

  // Eksportér is in the editor.
  await page.getByRole('button', { name: 'Eksportér' }).click();
  await expect(page.getByRole('group', { name: 'Eksportér udkastet' }).getByRole('button', { name: 'Udkastet som Word (.docx)' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Eksportér' })).toHaveAttribute('aria-expanded', 'false');
});

import { AxeBuilder } from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { openDraft } from './open-draft';

// Hovedstaden's agreement is approved and its draft closed; Syddanmark's is being written (Det Administrative Tillæg).
const FIRST_VISION = 'Fælles ansvar for den syddanske befolkning';
const SECOND_VISION = 'Sundhed tæt på borgeren';
const PRINCIPLE = 'Økonomien på bordet fra start';
// The demo's own words in the first vision's paragraph.
const VISION_TEXT = 'Regionen, kommunerne og almen praksis tager i fællesskab ansvar';


/** The polite live region with the connection state. */
const connection = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(Forbinder…|Gemt|Gemmer…|Forbinder igen…|Forbundet|Ingen forbindelse)$/ });

/** WCAG 2.1 A/AA problems axe finds in the page's main content (dialogs included). */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const outline = (page: Page) => page.getByRole('navigation', { name: 'Indholdsfortegnelse' });

/**
 * Puts the caret in the first paragraph under a heading, through the outline: the outline
 * puts it at the start of the heading; End, then → moves into the paragraph below.
 */
async function caretIntoParagraphUnder(page: Page, heading: string, where: 'start' | 'end'): Promise<void> {
  // Where the caret is, as the block it sits in: the keys below must wait for the outline's jump.
  const caretBlock = () =>
    page.evaluate(() => {
      const node = window.getSelection()?.anchorNode;
      const element = node instanceof Element ? node : node?.parentElement;
      const block = element?.closest('h1, h2, h3, h4, h5, h6, p');
      return block ? { tag: block.tagName.toLowerCase(), text: block.textContent?.trim() ?? '' } : null;
    });
  await outline(page).getByRole('button', { name: heading, exact: true }).click();
  await expect.poll(async () => (await caretBlock())?.text).toBe(heading);
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await caretBlock())?.tag).toBe('p');
  if (where === 'end') {
    // The demo's paragraphs wrap over several lines, and End stops at the end of the first: the caret
    // goes to the paragraph's end directly (past the others' carets), and the test waits until the
    // editor has taken it up.
    await page.evaluate(() => {
      const selection = window.getSelection();
      const anchor = selection?.anchorNode;
      const paragraph = (anchor instanceof Element ? anchor : anchor?.parentElement)?.closest('p');
      if (!selection || !paragraph) throw new Error('the caret is not in a paragraph');
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest('[contenteditable="false"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      let last: Node | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
      if (!last) throw new Error('the paragraph has no text');
      selection.collapse(last, last.textContent?.length ?? 0);
    });
    await expect
      .poll(() =>
        page.evaluate(() => {
          type Head = { parentOffset: number; parent: { content: { size: number }; type: { name: string } } };
          const anchor = window.getSelection()?.anchorNode;
          const root = (anchor instanceof Element ? anchor : anchor?.parentElement)?.closest('.ProseMirror') as (Element & { editor?: { state: { selection: { empty: boolean; $head: Head } } } }) | null;
          const selection = root?.editor?.state.selection;
          return Boolean(selection?.empty && selection.$head.parent.type.name === 'paragraph' && selection.$head.parentOffset === selection.$head.parent.content.size);
        }),
      )
      .toBe(true);
  }
}

/** The newest version with this label (the list is newest first; a reused database may hold older ones). */
const versionItem = (page: Page, label: string) =>
  page
    .getByRole('region', { name: 'Versioner' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: label }) })
    .first();

async function lockVersion(page: Page, label: string): Promise<number> {
  await page.getByLabel('Navn på versionen').fill(label);
  await page.getByRole('button', { name: 'Lås version' }).click();
  await expect(page.getByRole('status').filter({ hasText: `„${label}“ er låst` })).toBeVisible();
  const heading = versionItem(page, label).getByRole('heading');
  await expect(heading).toBeVisible();
  const number = Number(/Version (\d+)/.exec((await heading.textContent()) ?? '')?.[1]);
  expect(number).toBeGreaterThan(0);
  return number;
}

test.describe('co-drafting', () => {
  test('two editors write the same section live, lock versions, compare them and restore one', async ({ browser }) => {
    test.setTimeout(120_000);
    const svend = await openDraft(browser, 'sekretariat.syddanmark@aftalerum.test');
    const anders = await openDraft(browser, 'admin@aftalerum.test');

    // Both are connected, may write, and see each other in "Til stede".
    for (const person of [svend, anders]) {
      await expect(connection(person.page)).toHaveText('Gemt');
      await expect(person.draft).toHaveAttribute('contenteditable', 'true');
      await expect(person.page.getByRole('toolbar', { name: 'Formatering' })).toBeVisible();
      await expect(person.page.getByText('Skrivebeskyttet – du kan læse med')).toHaveCount(0);
    }
    await expect(svend.page.getByRole('list', { name: 'Til stede' })).toContainText('Anders Administrator');
    await expect(anders.page.getByRole('list', { name: 'Til stede' })).toContainText('Svend Syddanmark');

    // The outline is built from the draft, in its order, by part.
    const nav = outline(svend.page);
    for (const group of ['Indledning', 'Visioner', 'Fokusområder', 'Principper', 'Tillæg']) {
      await expect(nav.getByRole('heading', { name: group })).toBeVisible();
    }
    await expect(nav.getByRole('list', { name: 'Principper' }).getByRole('button', { name: PRINCIPLE })).toBeVisible();

    // Svend (Syddanmark's secretariat) appends to the paragraph under the first vision; Anders sees it.
    const svendText = 'Svend skriver om det fælles ansvar.';
    await caretIntoParagraphUnder(svend.page, FIRST_VISION, 'end');
    await svend.page.keyboard.type(` ${svendText}`);
    await expect(svend.draft).toContainText(svendText);
    await expect(anders.draft).toContainText(svendText);

    // Anders writes at the start of the same paragraph; Svend sees it.
    const andersText = 'Anders tilføjer en indledende sætning.';
    await caretIntoParagraphUnder(anders.page, FIRST_VISION, 'start');
    await anders.page.keyboard.type(`${andersText} `);
    await expect(anders.draft).toContainText(andersText);
    await expect(svend.draft).toContainText(andersText);

    // Svend's caret stayed after her own words while Anders typed before them: she carries on.
    const svendMore = 'Og lidt mere.';
    await svend.page.keyboard.type(` ${svendMore}`);
    await expect(anders.draft).toContainText(`${svendText} ${svendMore}`);

    // Both edits are in that one paragraph, for both of them.
    for (const person of [svend, anders]) {
      const paragraph = person.draft.getByRole('paragraph').filter({ hasText: svendText });
      await expect(paragraph).toHaveCount(1);
      await expect(paragraph).toContainText(andersText);
      await expect(paragraph).toContainText(VISION_TEXT);
      await expect(paragraph).toContainText(`${svendText} ${svendMore}`);
    }

    // Each sees the other's caret, labelled with the other's name.
    await expect(svend.draft.getByText('Anders Administrator', { exact: true })).toBeVisible();
    await expect(anders.draft.getByText('Svend Syddanmark', { exact: true })).toBeVisible();
    await expect(svend.draft.getByText('Svend Syddanmark', { exact: true })).toHaveCount(0);

    // The editor with someone else's caret in it passes axe.
    await expectNoAxeViolations(svend.page);

    // Svend locks version "Testversion 1".
    await expect(connection(svend.page)).toHaveText('Gemt');
    const first = await lockVersion(svend.page, 'Testversion 1');
    await expect(versionItem(svend.page, 'Testversion 1')).toContainText('Svend Syddanmark');

    // She writes more, and Anders sees it (so the server has it), then locks "Testversion 2".
    const laterText = 'Denne sætning kom efter version et.';
    await caretIntoParagraphUnder(svend.page, SECOND_VISION, 'end');
    await svend.page.keyboard.type(` ${laterText}`);
    await expect(anders.draft).toContainText(laterText);
    await expect(connection(svend.page)).toHaveText('Gemt');
    const second = await lockVersion(svend.page, 'Testversion 2');
    expect(second).toBe(first + 1);

    // Compare 1 → 2: the added words are highlighted, in the text and side by side.
    await versionItem(svend.page, 'Testversion 1').getByRole('button', { name: `Sammenlign version ${first}` }).click();
    const compare = svend.page.getByRole('dialog', { name: 'Sammenlign versioner' });
    await expect(compare).toBeVisible();
    await expect(compare).toContainText(`Fra Version ${first}: Testversion 1 til Version ${second}: Testversion 2`);
    await expect(compare.getByRole('list', { name: 'Opsummering' })).toContainText('0 tilføjet');
    await expect(compare.getByRole('list', { name: 'Opsummering' })).toContainText('0 fjernet');
    await expect(compare.getByRole('list', { name: 'Opsummering' })).toContainText('1 ændret');
    await expect(compare.getByRole('heading', { name: SECOND_VISION })).toBeVisible();
    await expect(compare.getByRole('insertion')).toHaveText(` ${laterText}`);
    await expect(compare.getByRole('deletion')).toHaveCount(0);
    // Text typed before version 1 is not a change between 1 and 2.
    await expect(compare.getByRole('insertion').filter({ hasText: svendText })).toHaveCount(0);

    await compare.getByRole('radio', { name: 'Side om side' }).check();
    const table = compare.getByRole('table');
    await expect(table.getByRole('columnheader', { name: `Før · Version ${first}: Testversion 1` })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: `Efter · Version ${second}: Testversion 2` })).toBeVisible();
    const row = table.getByRole('row').filter({ hasText: 'Ændret afsnit' });
    await expect(row.getByRole('cell').nth(0)).not.toContainText(laterText);
    await expect(row.getByRole('cell').nth(1).getByRole('insertion')).toHaveText(` ${laterText}`);
    await expectNoAxeViolations(svend.page);
    await compare.getByRole('radio', { name: 'I teksten' }).check();
    await expect(compare.getByRole('table')).toHaveCount(0);
    await compare.getByRole('button', { name: 'Luk', exact: true }).click();
    await expect(compare).toBeHidden();

    // "Vis" shows version 1 read-only, without the later text.
    await versionItem(svend.page, 'Testversion 1').getByRole('button', { name: `Vis version ${first}` }).click();
    const viewer = svend.page.getByRole('dialog', { name: `Version ${first}: Testversion 1` });
    const frozen = viewer.getByRole('document', { name: `Version ${first}: Testversion 1` });
    await expect(frozen).toContainText(svendText);
    await expect(frozen).not.toContainText(laterText);
    await expect(frozen).toHaveAttribute('contenteditable', 'false');
    await svend.page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();

    // Restore version 1 after confirming; the later text leaves both live editors.
    const restoreButton = versionItem(svend.page, 'Testversion 1').getByRole('button', { name: `Gendan version ${first}` });
    await restoreButton.click();
    const confirm = svend.page.getByRole('dialog', { name: `Gendan version ${first}?` });
    await expect(confirm).toContainText('Det nuværende udkast gemmes først som en version');
    await expect(confirm.getByRole('button', { name: 'Annullér' })).toBeFocused();
    await expectNoAxeViolations(svend.page);
    await confirm.getByRole('button', { name: `Gendan version ${first}` }).click();
    await expect(confirm).toBeHidden();
    await expect(restoreButton).toBeFocused();

    for (const person of [svend, anders]) {
      await expect(person.draft).not.toContainText(laterText);
      await expect(person.draft).toContainText(svendText);
      await expect(person.draft).toContainText(andersText);
    }
    const safety = versionItem(svend.page, `Før gendannelse af version ${first}`);
    await expect(safety).toBeVisible();
    await expect(safety.getByRole('heading')).toHaveText(`Version ${second + 1}: Før gendannelse af version ${first}`);

    await svend.context.close();
    await anders.context.close();
  });

  test('a municipality follows the draft live and may only suggest: its typing becomes its own suggestion, which it can withdraw', async ({ browser }) => {
    const reader = await openDraft(browser, 'kommune.odense@aftalerum.test');
    await expect(reader.page.getByText('Skrivebeskyttet – du kan læse med')).toHaveCount(0);
    await expect(reader.page.getByRole('button', { name: 'Foreslå ændringer' })).toHaveAttribute('aria-pressed', 'true');
    await expect(reader.draft).toHaveAttribute('contenteditable', 'true');
    // Its suggestions are saved like anyone's edits.
    await expect(connection(reader.page)).toHaveText('Gemt');
    await expect(reader.draft).toContainText(FIRST_VISION);
    await expectNoAxeViolations(reader.page);

    // No formatting toolbar, no locking, no restoring; the versions may still be read.
    await expect(reader.page.getByRole('toolbar')).toHaveCount(0);
    await expect(reader.page.getByRole('button', { name: 'Lås version' })).toHaveCount(0);
    await expect(reader.page.getByRole('button', { name: /^Gendan/ })).toHaveCount(0);
    await expect(reader.page.getByRole('button', { name: /^Vis version/ }).first()).toBeVisible();

    // Typing becomes a suggested insertion, never plain text; Backspace withdraws it again.
    const before = await reader.draft.textContent();
    await outline(reader.page).getByRole('button', { name: PRINCIPLE, exact: true }).click();
    await reader.page.keyboard.type('Odense skriver');
    await expect(reader.draft.locator('ins.suggestion')).toContainText('Odense skriver');
    for (let i = 0; i < 'Odense skriver'.length; i++) await reader.page.keyboard.press('Backspace');
    await expect(reader.draft.locator('ins.suggestion').filter({ hasText: /Odense/ })).toHaveCount(0);
    expect(await reader.draft.textContent()).toBe(before);
    await reader.context.close();
  });
});

import { Browser, expect, Locator, test } from '@playwright/test';
import { DraftSession, openDraft as openSession } from './open-draft';

// Hovedstaden's agreement is approved and its draft closed; Syddanmark's is being written (Det Administrative Tillæg).

interface Person extends DraftSession {
  panel: Locator;
}

/** Signs in in a fresh browser context and opens Syddanmark's draft, with the panel this spec works in. */
async function openDraft(browser: Browser, email: string): Promise<Person> {
  const session = await openSession(browser, email);
  return { ...session, panel: session.page.getByRole('region', { name: 'Kommentarer' }) };
}

/** Selects the first `words` words of the draft's first paragraph, as a mouse drag would; returns the selected text. */
async function selectOpeningWords(person: Person, words: number): Promise<string> {
  await expect(person.draft.locator('p').first()).not.toBeEmpty();
  return person.page.evaluate((count) => {
    const paragraph = document.querySelector('.draft p');
    const walker = document.createTreeWalker(paragraph as Node, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode() as Text;
    const match = new RegExp(`^(\\S+\\s+){${count - 1}}\\S+`).exec(text.data) as RegExpExecArray;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, match[0].length);
    const selection = window.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    return match[0];
  }, words);
}

/** The thread whose first comment is `text`, in the panel. */
const thread = (person: Person, text: string) => person.panel.getByRole('listitem', { name: /^Kommentar af / }).filter({ hasText: text });

test.describe('comments on the live draft', () => {
  test('a cluster comments a selection, the secretariat answers and sees it follow the text, the cluster resolves it', async ({ browser }) => {
    const secretariat = await openDraft(browser, 'sekretariat.syddanmark@aftalerum.test');
    const cluster = await openDraft(browser, 'klynge.fyn@aftalerum.test');
    try {
      // The cluster may only suggest changes in the draft, and comments on it.
      await expect(cluster.page.getByRole('button', { name: 'Foreslå ændringer' })).toHaveAttribute('aria-disabled', 'true');
      await expect(cluster.panel.getByText('Markér tekst i udkastet for at kommentere den.')).toBeVisible();
      const quote = await selectOpeningWords(cluster, 3);
      await expect(cluster.panel.getByText(`»${quote}«`)).toBeVisible();
      const comment = `Bør pårørende nævnes her? (${Date.now()})`;
      await cluster.panel.getByLabel('Kommentar til markeringen').fill(comment);
      await cluster.panel.getByRole('button', { name: 'Tilføj kommentar' }).click();
      await expect(thread(cluster, comment)).toBeVisible();
      await expect(thread(cluster, comment).getByRole('button', { name: `»${quote}«` })).toBeVisible();

      // The secretariat sees the thread arrive, and the commented text marked in its draft.
      await expect(thread(secretariat, comment)).toBeVisible();
      await expect(secretariat.draft.locator('.draft-comment').filter({ hasText: quote })).toHaveText(quote);
      await thread(secretariat, comment).getByLabel('Svar på kommentaren').fill('Ja, det tilføjer vi i næste udkast.');
      await thread(secretariat, comment).getByRole('button', { name: 'Svar' }).click();
      await expect(thread(cluster, comment).getByText('Ja, det tilføjer vi i næste udkast.')).toBeVisible();

      // The secretariat types before the commented text: the mark stays on it, for both.
      // At the start of the paragraph's first line (Home alone goes to the start of the line clicked).
      await secretariat.draft.locator('p').first().click({ position: { x: 3, y: 6 } });
      await secretariat.page.keyboard.press('Home');
      await secretariat.page.keyboard.type('Indledning: ');
      // (The secretariat's caret, with its name label, sits between the two at the cluster.)
      await expect(cluster.draft.locator('p').first()).toContainText(/^Indledning: /);
      await expect(cluster.draft.locator('.draft-comment').filter({ hasText: quote })).toHaveText(quote);
      await expect(secretariat.draft.locator('.draft-comment').filter({ hasText: quote })).toHaveText(quote);

      // The cluster resolves it; the secretariat sees it among the resolved, no longer marked.
      await thread(cluster, comment).getByRole('button', { name: 'Løs' }).click();
      await secretariat.panel.getByText(/^Løste \(\d+\)$/).click();
      await expect(thread(secretariat, comment).getByRole('button', { name: 'Genåbn' })).toBeVisible();
      await expect(thread(secretariat, comment)).toContainText('Løst af');
      await expect(secretariat.draft.locator('.draft-comment').filter({ hasText: quote })).toHaveCount(0);
    } finally {
      await secretariat.context.close();
      await cluster.context.close();
    }
  });
});

import { Browser, expect, Locator, test } from '@playwright/test';
import { DraftSession, openDraft as openSession } from './open-draft';

// Syddanmark's draft is open for drafting; its municipalities may suggest changes in it.
const ODENSE = 'Ole Odense';

interface Person extends DraftSession {
  panel: Locator;
}

/** Signs in in a fresh browser context and opens Syddanmark's draft, with the panel this spec works in. */
async function openDraft(browser: Browser, email: string): Promise<Person> {
  const session = await openSession(browser, email);
  await expect(session.draft.locator('p').first()).not.toBeEmpty();
  return { ...session, panel: session.page.getByRole('region', { name: /^Forslag til ændringer/ }) };
}

test.describe('suggested changes in the live draft', () => {
  test('a municipality suggests, the secretariat sees it with the author and accepts it, and the text is accepted for both', async ({ browser }) => {
    const secretariat = await openDraft(browser, 'sekretariat.syddanmark@aftalerum.test');
    const odense = await openDraft(browser, 'kommune.odense@aftalerum.test');
    try {
      // For the municipality, suggesting is all it may do: the toggle is on and stays on.
      const toggle = odense.page.getByRole('button', { name: 'Foreslå ændringer' });
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      await expect(toggle).toHaveAttribute('aria-disabled', 'true');
      await expect(odense.page.getByRole('toolbar', { name: 'Formatering' })).toHaveCount(0);
      // The secretariat may switch it on; it writes directly by default.
      await expect(secretariat.page.getByRole('button', { name: 'Foreslå ændringer' })).toHaveAttribute('aria-pressed', 'false');

      const words = `Odense foreslår ${Date.now()} `;
      await odense.draft.locator('p').first().click({ position: { x: 3, y: 6 } });
      await odense.page.keyboard.press('Home');
      await odense.page.keyboard.type(words);

      // Shown as a suggested insertion, with its author, to both; listed under the author.
      for (const person of [odense, secretariat]) {
        await expect(person.draft.locator('ins.suggestion').filter({ hasText: words.trim() })).toHaveCount(1);
        // The author's name on hover, in the author's colour.
        const shown = person.draft.locator('[data-suggestion-author]').filter({ hasText: words.trim() });
        await expect(shown).toHaveAttribute('title', new RegExp(`^Foreslået indsat af ${ODENSE}`));
        await expect(shown).toHaveAttribute('style', /--suggestion-color: #[0-9a-f]{6}/);
      }
      const byOdense = secretariat.panel.getByRole('region', { name: `Forslag fra ${ODENSE}` });
      await expect(byOdense).toContainText(words.trim());
      // The municipality sees its suggestion listed, without the secretariat's buttons.
      await expect(odense.panel.getByRole('region', { name: `Forslag fra ${ODENSE}` })).toContainText(words.trim());
      await expect(odense.panel.getByRole('button', { name: /^Godkend/ })).toHaveCount(0);

      // The secretariat accepts it with the keyboard: the text is plain text for both.
      const accept = byOdense.getByRole('button', { name: new RegExp(`^Godkend forslag fra ${ODENSE}: .*${words.trim()}`) });
      await accept.focus();
      await secretariat.page.keyboard.press('Enter');
      for (const person of [secretariat, odense]) {
        await expect(person.draft.locator('ins.suggestion').filter({ hasText: words.trim() })).toHaveCount(0);
        await expect(person.draft.locator('p').first()).toContainText(words.trim());
      }
      await expect(secretariat.panel.getByRole('region', { name: `Forslag fra ${ODENSE}` })).toHaveCount(0);
    } finally {
      await secretariat.context.close();
      await odense.context.close();
    }
  });
});

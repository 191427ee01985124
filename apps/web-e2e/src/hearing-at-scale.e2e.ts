import { APIRequestContext, expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { seedLargeHearing } from '../../api/bench/large-hearing';

/** The e2e server's embedded PostgreSQL (playwright.config.ts: DATA_DIR tmp/e2e-data, port E2E_PORT + 1). */
async function database(): Promise<Client> {
  const port = Number(process.env.E2E_PORT ?? 4310) + 1;
  const secrets = JSON.parse(await readFile(path.resolve(__dirname, '../../../tmp/e2e-data/pg-credentials.json'), 'utf8')) as { app: string };
  const client = new Client({ connectionString: `postgres://aftalerum_app:${encodeURIComponent(secrets.app)}@127.0.0.1:${port}/aftalerum` });
  await client.connect();
  return client;
}

async function gql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const response = await request.post('/graphql', { data: { query, variables }, headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** "5.000" → 5000: the page writes its counts the Danish way. */
const count = (text: string | null | undefined) => Number((text ?? '').replace(/\./g, ''));

test.describe('a hearing at scale', () => {
  let hearingId = '';
  let token = '';
  let organisations: string[] = [];

  test.beforeAll(async ({ request }) => {
    const db = await database();
    try {
      const login = await request.post('/graphql', {
        data: { query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: 'sekretariat@aftalerum.test', p: 'demo1234' } },
      });
      token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
      const [secretariat] = (await db.query<{ id: string; name: string }>(`SELECT "id", "name" FROM "users" WHERE "email" = 'sekretariat@aftalerum.test'`)).rows;
      const [version] = (await db.query<{ id: string }>(`SELECT "id" FROM "agreement_versions" WHERE "label" = 'Høringsudkast'`)).rows;
      const blocks = (
        await db.query<{ id: string }>(
          `SELECT b->'attrs'->>'blockId' AS id FROM "agreement_versions" v, jsonb_path_query(v."content", 'strict $.**') b
            WHERE v."id" = $1 AND b->>'type' = 'paragraph' AND b->'attrs'->>'blockId' IS NOT NULL`,
          [version.id],
        )
      ).rows.map((r) => r.id);
      organisations = [];
      for (let i = 0; i < 40; i++) {
        organisations.push((await db.query<{ id: string }>(`INSERT INTO "organisations" ("name", "kind") VALUES ($1, 'PATIENT_ORGANISATION') RETURNING "id"`, [`Skalaforeningen ${i + 1}`])).rows[0].id);
      }
      const opened = await request.post('/graphql', {
        headers: { authorization: `Bearer ${token}` },
        data: {
          query: 'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }',
          variables: {
            i: {
              versionId: version.id,
              title: 'Høring med 5.000 kommentarer',
              opensAt: new Date(Date.now() - 60_000).toISOString(),
              closesAt: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString(),
              invitedOrganisationIds: organisations,
            },
          },
        },
      });
      hearingId = ((await opened.json()) as { data: { openHearing: { id: string } } }).data.openHearing.id;
      await seedLargeHearing(db, { hearingId, organisationIds: organisations, userId: secretariat.id, userName: secretariat.name, blockIds: blocks, responses: 1000, commentsPerResponse: 5 });
    } finally {
      await db.end();
    }
  });

  test('the processing page of 5,000 comments shows the first 50, draws only those in view, loads more and answers a comment', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('E-mail').fill('sekretariat@aftalerum.test');
    await page.getByLabel('Adgangskode').fill('demo1234');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();

    await page.goto(`/hoeringer/${hearingId}`);
    await expect(page.getByRole('heading', { name: 'Høring med 5.000 kommentarer', level: 1 })).toBeVisible();
    const status = page.getByRole('status').filter({ hasText: /^Viser \d/ });
    await expect(status).toHaveText('Viser 50 af 5.000 kommentarer.');
    // The counts come from the server, not from the page loaded: all 5,000 unanswered.
    await expect(page.getByRole('checkbox', { name: 'Kun ubesvarede (5.000)' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Høringssvar (1000)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Vis alle 1000 høringssvar med kvitteringer og bilag' })).toBeVisible();

    // Only the comments near the window are drawn, each telling its place in the whole list.
    const comments = page.getByRole('list', { name: 'Kommentarer' });
    const first = comments.getByRole('listitem').first();
    await expect(first).toContainText(/Bemærkning \d i svar \d+:/);
    await expect(first).toHaveAttribute('aria-posinset', '1');
    await expect(first).toHaveAttribute('aria-setsize', '5000');
    expect(await comments.getByRole('listitem').count()).toBeLessThan(50);

    // The secretariat answers the first comment.
    const reply = 'Tak. Pårørende nævnes nu i afsnittet.';
    await first.getByLabel('Sekretariatets svar').fill(reply);
    await first.getByLabel('Udfald').selectOption({ label: 'Indarbejdet' });
    await first.getByRole('button', { name: 'Gem svar' }).click();
    await expect(first.getByRole('status')).toHaveText('Svaret er gemt: Indarbejdet.');
    await expect(first.getByText(reply)).toBeVisible();
    await expect(first.getByText('Indarbejdet', { exact: true })).toBeVisible();
    // The counts follow: one fewer unanswered, one incorporated.
    await expect(page.getByRole('checkbox', { name: 'Kun ubesvarede (4.999)' })).toBeVisible();
    await expect(page.getByRole('search', { name: 'Filtrér kommentarer' }).getByLabel('Udfald').locator('option', { hasText: 'Indarbejdet (1)' })).toHaveCount(1);

    // "Indlæs flere" brings the next 50, announced. The button sits after the list, and scrolling
    // to it would bring the next page by itself (tested below): it is pressed where it stands.
    await page.getByRole('button', { name: /^Indlæs flere/ }).dispatchEvent('click');
    await expect(status).toHaveText('Viser 100 af 5.000 kommentarer.');
    // Scrolling to the end of what is loaded brings the next page by itself.
    await page.keyboard.press('End');
    await expect(status).toHaveText(/^Viser (150|200|250) af 5\.000 kommentarer\.$/);
    expect(await comments.getByRole('listitem').count()).toBeLessThan(50);

    // A filter is the server's, and starts the list again: the unanswered ones.
    await page.getByRole('checkbox', { name: /^Kun ubesvarede/ }).check();
    await expect(status).toHaveText('Viser 50 af 4.999 kommentarer.');
  });

  test('the secretariat answers a whole theme of the 5,000 comments with one reply', async ({ page, request }) => {
    test.setTimeout(240_000);
    // The seeded responses went round the service; one more, registered by the secretariat as a
    // letter, is filed as any response is, and asks for the analysis of the whole hearing.
    const { hearing: seeded } = await gql<{ hearing: { version: { blocks: Array<{ blockId: string; type: string }> } } }>(
      request,
      'query($id: ID!) { hearing(id: $id) { version { blocks { blockId type } } } }',
      { id: hearingId },
      token,
    );
    const paragraph = seeded.version.blocks.find((b) => b.type === 'paragraph');
    if (!paragraph) throw new Error('the hearing draft has no paragraph');
    await gql(
      request,
      'mutation($i: SubmitHearingResponseInput!) { registerLateHearingResponse(input: $i) { id } }',
      {
        i: {
          hearingId,
          organisationId: organisations[0],
          idempotencyKey: `skala-tema-${hearingId}`,
          comments: [{ blockId: paragraph.blockId, text: 'Pårørende bør inddrages tidligere i forløbet, også i genoptræningen.' }],
          publish: true,
        },
      },
      token,
    );

    await page.goto('/');
    await page.getByLabel('E-mail').fill('sekretariat@aftalerum.test');
    await page.getByLabel('Adgangskode').fill('demo1234');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
    await page.goto(`/hoeringer/${hearingId}`);
    await expect(page.getByRole('heading', { name: 'Høring med 5.000 kommentarer', level: 1 })).toBeVisible();

    // The themes appear once the analysis job has seen all 1,001 responses and their 5,001 comments.
    const themes = page.getByRole('region', { name: /^Temaer/ });
    await expect(themes.getByText('5.001 kommentarer gennemgået')).toBeVisible({ timeout: 90_000 });
    // The comment list's own count of the unanswered (the server's), before the answer.
    const unansweredLabel = page.getByText(/^Kun ubesvarede \([\d.]+\)$/);
    await expect(unansweredLabel).toBeVisible();
    const unansweredBefore = count(/\(([\d.]+)\)/.exec((await unansweredLabel.textContent()) ?? '')?.[1]);

    const theme = themes.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) }).first();
    const label = (await theme.getByRole('heading', { level: 3 }).textContent())?.trim() ?? '';
    const [, sizeText, answeredText] = /^([\d.]+) kommentarer · ([\d.]+) af [\d.]+ besvaret$/.exec((await theme.getByText(/kommentarer · [\d.]+ af [\d.]+ besvaret/).textContent())?.trim() ?? '') ?? [];
    const size = count(sizeText);
    const answeredBefore = count(answeredText);
    // The largest theme of 5,001 comments on eight subjects: hundreds of comments in one answer.
    expect(size).toBeGreaterThan(100);

    await theme.getByRole('heading', { level: 3 }).getByRole('button').click();
    const form = theme.getByRole('form', { name: `Svar til temaet ${label}` });
    const reply = 'Tak. Afsnittet er skrevet om, så det svarer på bemærkningerne.';
    await form.getByLabel('Sekretariatets svar').fill(reply);
    await form.getByLabel('Udfald').selectOption({ label: 'Indarbejdet' });
    // The button names every comment of the theme once they are loaded.
    await form.getByRole('button', { name: `Besvar alle ${size.toLocaleString('da-DK')} kommentarer i temaet` }).click();
    await expect(form.getByRole('status')).toHaveText(`Svaret er gemt på ${size.toLocaleString('da-DK')} kommentarer.`, { timeout: 60_000 });

    // The page: the theme counts every comment answered, each comment shows the answer, and the
    // comment list's counts (the server's) have as many fewer unanswered.
    await expect(theme.getByText(`${size.toLocaleString('da-DK')} kommentarer · ${size.toLocaleString('da-DK')} af ${size.toLocaleString('da-DK')} besvaret`)).toBeVisible({ timeout: 30_000 });
    await expect(theme.getByText(`Besvaret (Indarbejdet): ${reply}`)).toHaveCount(size);
    await expect(page.getByRole('checkbox', { name: `Kun ubesvarede (${(unansweredBefore - (size - answeredBefore)).toLocaleString('da-DK')})` })).toBeVisible({ timeout: 30_000 });

    // The API: every comment of that theme carries the reply and the outcome.
    const { hearing } = await gql<{ hearing: { themes: Array<{ id: string; label: string; size: number; answered: number; comments: Array<{ id: string; reply: string | null; outcome: string | null }> }> } }>(
      request,
      'query($id: ID!) { hearing(id: $id) { themes { id label size answered comments { id reply outcome } } } }',
      { id: hearingId },
      token,
    );
    const answeredTheme = hearing.themes.find((t) => t.label === label);
    expect(answeredTheme?.comments).toHaveLength(size);
    expect(answeredTheme?.answered).toBe(size);
    expect(answeredTheme?.comments.filter((c) => c.reply !== reply || c.outcome !== 'INCORPORATED')).toEqual([]);
  });
});

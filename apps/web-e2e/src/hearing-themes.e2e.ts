import { APIRequestContext, expect, Page, test } from '@playwright/test';

/*
 * The secretariat answers many comments at once: responses are filed through the API (as
 * letters registered by the secretariat), the analysis groups their comments into themes and
 * finds a campaign among them, and one reply on the processing page answers a whole theme, or
 * every response of a campaign.
 */

const SECRETARIAT = 'sekretariat@aftalerum.test';

async function gql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await request.post('/graphql', { data: { query, variables }, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Hovedstaden's secretariat, a hearing on its agreement's first version with `count` municipalities invited (from `from`). */
async function openTestHearing(request: APIRequestContext, title: string, from: number, count: number) {
  const { login } = await gql<{ login: { token: string } }>(request, 'mutation($e: String!) { login(email: $e, password: "demo1234") { token } }', { e: SECRETARIAT });
  const token = login.token;
  const { agreements, regions } = await gql<{
    agreements: Array<{ region: { code: string }; versions: Array<{ id: string }> }>;
    regions: Array<{ code: string; municipalities: Array<{ id: string; name: string }> }>;
  }>(request, '{ agreements { region { code } versions { id } } regions { code municipalities { id name } } }', {}, token);
  const versionId = agreements.find((a) => a.region.code === 'H' && a.versions.length > 0)?.versions[0].id;
  if (!versionId) throw new Error('no agreement of Region Hovedstaden with a version');
  const municipalities = (regions.find((r) => r.code === 'H')?.municipalities ?? []).slice(from, from + count);
  const { openHearing } = await gql<{ openHearing: { id: string } }>(
    request,
    'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }',
    {
      i: {
        versionId,
        title: `${title} ${Date.now()}`,
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        invitedOrganisationIds: municipalities.map((m) => m.id),
      },
    },
    token,
  );
  /** Registers a municipality's response (as a letter the secretariat received). */
  const register = (organisationId: string, key: string, comments: Array<{ blockId?: string; text: string }>) =>
    gql(
      request,
      'mutation($i: SubmitHearingResponseInput!) { registerLateHearingResponse(input: $i) { id } }',
      { i: { hearingId: openHearing.id, organisationId, idempotencyKey: `${key}-${openHearing.id}`, comments, publish: true } },
      token,
    );
  return { token, versionId, hearingId: openHearing.id, municipalities, register };
}

/** Signs in as Hovedstaden's secretariat and opens the hearing's processing page. */
async function openProcessing(page: Page, hearingId: string) {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(SECRETARIAT);
  await page.getByLabel('Adgangskode').fill('demo1234');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
  await page.goto(`/hoeringer/${hearingId}`);
}

const DIGITAL = [
  'Vi foreslår at den fælles it-platform og datadeling mellem sektorer prioriteres, så borgerne oplever sammenhæng.',
  'Datadeling mellem sektorer og en fælles it-platform bør beskrives nærmere med tydelige mål for indsatsen.',
  'Det er afgørende at elektronisk journal og datadeling mellem sektorer koordineres bedre på tværs.',
];
const ELDERLY = [
  'Genindlæggelser af ældre medicinske patienter bør følges tæt i dialog med kommunerne.',
  'Vi savner at udskrivelse fra hospitalet og genindlæggelser af ældre beskrives nærmere.',
  'Hjemmeplejen og sygeplejen skal styrkes, så færre ældre medicinske patienter genindlægges.',
];

test('the secretariat answers a whole theme with one reply', async ({ page, request }) => {
  test.setTimeout(120_000);
  const { token, versionId, hearingId, municipalities, register } = await openTestHearing(request, 'Temahøring', 0, 6);
  const { agreementVersion } = await gql<{ agreementVersion: { blocks: Array<{ blockId: string; type: string; text: string }> } }>(
    request,
    'query($id: ID!) { agreementVersion(id: $id) { blocks { blockId type text } } }',
    { id: versionId },
    token,
  );
  const paragraphs = agreementVersion.blocks.filter((b) => b.type === 'paragraph' && b.text.length > 20).map((b) => b.blockId);
  for (const [i, m] of municipalities.entries()) {
    const digital = i < 3;
    await register(m.id, `tema-${i}`, [{ blockId: digital ? paragraphs[0] : paragraphs[1], text: (digital ? DIGITAL : ELDERLY)[i % 3] }]);
  }
  await openProcessing(page, hearingId);

  // The themes appear once the analysis job has seen the six responses.
  const themes = page.getByRole('region', { name: /^Temaer/ });
  await expect(themes.getByText('6 kommentarer gennemgået')).toBeVisible({ timeout: 30_000 });
  const first = themes.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) }).first();
  const counts = await first.getByText(/kommentarer · \d+ af \d+ besvaret/).textContent();
  const size = Number(/^(\d+) kommentarer/.exec(counts ?? '')?.[1]);
  expect(size).toBeGreaterThan(0);
  await first.getByRole('heading', { level: 3 }).getByRole('button').click();

  const form = first.getByRole('form', { name: /^Svar til temaet/ });
  await form.getByLabel('Sekretariatets svar').fill('Tak. Afsnittet er skrevet om, så det svarer på bemærkningerne.');
  await form.getByLabel('Udfald').selectOption({ label: 'Indarbejdet' });
  await form.getByRole('button', { name: `Besvar alle ${size} kommentarer i temaet` }).click();
  await expect(form.getByRole('status')).toHaveText(`Svaret er gemt på ${size} kommentarer.`);
  await expect(first.getByText(`${size} kommentarer · ${size} af ${size} besvaret`)).toBeVisible();
  await expect(first.getByText(/^Besvaret \(Indarbejdet\)/)).toHaveCount(size);
});

const CAMPAIGN =
  'Vi tilslutter os fuldt ud opfordringen til at styrke indsatsen for mennesker med psykisk sygdom, så ingen udskrives uden en aftalt plan, ' +
  'og vi beder om at den fælles indsats får klare mål, en ansvarlig part og en opfølgning hvert år i samarbejde med patienterne og de pårørende';

test('one reply to a campaign shows on each of its comments in the list at once', async ({ page, request }) => {
  test.setTimeout(120_000);
  const { hearingId, municipalities, register } = await openTestHearing(request, 'Kampagnehøring', 6, 4);
  // Three send the campaign letter, each signing it; the fourth writes its own.
  for (const [i, m] of municipalities.entries()) {
    const text = i < 3 ? `${CAMPAIGN}. Med venlig hilsen ${m.name}.` : 'Vi har ingen yderligere bemærkninger til udkastet, men ser frem til at deltage i arbejdet med de nye mål.';
    await register(m.id, `kampagne-${i}`, [{ text }]);
  }
  await openProcessing(page, hearingId);

  // The comment list is on the page before the campaign is answered.
  const list = page.getByRole('region', { name: 'Kommentarer til høringsudkastet' });
  const cards = list.getByRole('listitem').filter({ hasText: 'Med venlig hilsen' });
  await expect(cards).toHaveCount(3);
  await expect(cards.filter({ hasText: 'Ubesvaret' })).toHaveCount(3);

  const campaigns = page.getByRole('region', { name: 'Kampagner (1)' });
  await expect(campaigns.getByRole('heading', { name: 'Kampagne: 3 enslydende høringssvar' })).toBeVisible({ timeout: 30_000 });
  const form = campaigns.getByRole('form', { name: 'Svar til kampagne: 3 enslydende høringssvar' });
  await form.getByLabel('Sekretariatets svar').fill('Tak for opfordringen. Målene for psykiatrien er skrevet ind i aftalen.');
  await form.getByLabel('Udfald').selectOption({ label: 'Indarbejdet' });
  await form.getByRole('button', { name: 'Besvar alle 3 høringssvar' }).click();
  await expect(form.getByRole('status')).toHaveText('Svaret er gemt for alle 3 høringssvar i kampagnen.');
  await expect(campaigns.getByText('3 af 3 besvaret · Indarbejdet')).toBeVisible();

  // The cards already on the page show the reply, without a reload.
  await expect(cards.filter({ hasText: 'Tak for opfordringen. Målene for psykiatrien er skrevet ind i aftalen.' })).toHaveCount(3);
  await expect(cards.filter({ hasText: 'Ubesvaret' })).toHaveCount(0);
  await expect(list.getByRole('listitem').filter({ hasText: 'Vi har ingen yderligere bemærkninger' }).getByText('Ubesvaret')).toBeVisible();
});

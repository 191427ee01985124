import { Client } from 'pg';
import { campaignVariant, seeded, subjectComment } from '../bench/hearing-corpus';
import { pollUntil } from './collab-client';
import { demoAgreement, DEMO_ACCOUNTS, must, openHearing, unique } from './factories';
import { ANALYSIS_QUEUE, HearingAnalysisService } from '../src/hearings/hearing-analysis.service';
import { startTestApp, TestApp } from './test-app';

const THEMES = `query($id: ID!) { hearing(id: $id) {
  analysis { responseCount commentCount durationMs }
  themes { id label terms renamed size answered comments { id blockId reply outcome } }
  campaigns { id size senders sampleText answered reply outcome responses { id reply comments { id reply } } }
} }`;

interface Theme {
  id: string;
  label: string;
  terms: string[];
  renamed: boolean;
  size: number;
  answered: number;
  comments: Array<{ id: string; blockId: string | null; reply: string | null; outcome: string | null }>;
}
interface Campaign {
  id: string;
  size: number;
  senders: string[];
  answered: number;
  reply: string | null;
  responses: Array<{ id: string; reply: string | null; comments: Array<{ id: string; reply: string | null }> }>;
}
interface Analysed {
  analysis: { responseCount: number; commentCount: number } | null;
  themes: Theme[];
  campaigns: Campaign[];
}

describe('hearings at scale: campaigns and themes, one reply to many comments', () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;
  let hearingId: string;
  let blocks: string[];
  const campaignSenders: string[] = [];
  let responses = 0;

  const analysed = async (): Promise<Analysed> => (await must(app, THEMES, { id: hearingId }, secretariat, 'hearing')).hearing as Analysed;
  /** The analysis once the job has seen `count` responses (it runs when responses arrive). */
  const analysedAfter = (count: number) => pollUntil(analysed, (h) => h.analysis?.responseCount === count, 30_000);

  const file = async (organisationId: string, comments: Array<{ blockId?: string; text: string }>, summary: string | null = null) => {
    await must(
      app,
      'mutation($i: SubmitHearingResponseInput!) { registerLateHearingResponse(input: $i) { id } }',
      { i: { hearingId, organisationId, idempotencyKey: unique('svar'), summary, comments, publish: true } },
      secretariat,
      'registerLateHearingResponse',
    );
    responses++;
  };

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(DEMO_ACCOUNTS.hSecretariat);
    const demo = await demoAgreement(db);
    const municipalities = (
      await db.query<{ id: string; name: string }>(
        `SELECT o."id", o."name" FROM "organisations" o JOIN "regions" r ON r."id" = o."region_id" WHERE r."code" = 'H' AND o."kind" = 'MUNICIPALITY' ORDER BY o."name" LIMIT 16`,
      )
    ).rows;
    hearingId = (await openHearing(app, secretariat, demo.versionId, municipalities.map((m) => m.id))).id;
    const version = await must(app, 'query($id: ID!) { agreementVersion(id: $id) { blocks { blockId type text } } }', { id: demo.versionId }, secretariat, 'agreementVersion');
    blocks = (version.agreementVersion as { blocks: Array<{ blockId: string; type: string; text: string }> }).blocks.filter((b) => b.type === 'paragraph' && b.text.length > 20).map((b) => b.blockId);
    const random = seeded(11);
    // Five municipalities send the same campaign letter, with a word or two changed.
    for (const m of municipalities.slice(0, 5)) {
      await file(m.id, [{ text: campaignVariant(random, m.name) }], 'Vi tilslutter os kampagnen.');
      campaignSenders.push(m.name);
    }
    // The others write their own: on digitalisation (paragraph 0), psychiatry (paragraph 1), the elderly (general).
    for (const m of municipalities.slice(5)) {
      await file(m.id, [
        { blockId: blocks[0], text: subjectComment(random, 'digitalisering') },
        { blockId: blocks[1], text: subjectComment(random, 'psykiatri') },
        { text: subjectComment(random, 'ældre') },
      ]);
    }
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  it('computes campaigns and themes in a job once the responses have arrived', async () => {
    const hearing = await analysedAfter(responses);
    expect(hearing.analysis).toEqual(expect.objectContaining({ responseCount: 16, commentCount: 5 + 11 * 3 }));
    expect(hearing.campaigns).toHaveLength(1);
    expect(hearing.campaigns[0]).toEqual(expect.objectContaining({ size: 5, answered: 0 }));
    expect(new Set(hearing.campaigns[0].senders)).toEqual(new Set(campaignSenders));
    // Every comment is in exactly one theme.
    const inThemes = hearing.themes.flatMap((t) => t.comments.map((c) => c.id));
    expect(new Set(inThemes).size).toBe(inThemes.length);
    expect(inThemes).toHaveLength(5 + 11 * 3);
    expect(hearing.themes.every((t) => t.label.length > 0 && t.size === t.comments.length)).toBe(true);
  });

  it('a run on the same responses changes nothing, and a run that computes again keeps the themes’ ids', async () => {
    const before = await analysedAfter(responses);
    const analysis = app.server.app.get(HearingAnalysisService);
    // No request of the filings waits, and no run of the job waits or runs for this hearing any more.
    await pollUntil(
      async () =>
        analysis.requestWaiting(hearingId) ||
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'hearingId' = $2 AND state IN ('created', 'retry', 'active')`, [ANALYSIS_QUEUE, hearingId])).rows[0].n > 0,
      (busy) => !busy,
      30_000,
    );
    // Nothing arrived since the last run: nothing is computed, nothing replaced.
    expect(await analysis.analyse(hearingId)).toEqual(expect.objectContaining({ unchanged: true, responses, themes: before.themes.length }));
    expect((await analysed()).themes.map((t) => t.id)).toEqual(before.themes.map((t) => t.id));
    // Computed again from scratch (the last input forgotten): the same themes under the same ids,
    // so a theme the secretariat has open on the processing page stays the same theme.
    await db.query('UPDATE "hearing_analyses" SET "input_digest" = NULL WHERE "hearing_id" = $1', [hearingId]);
    expect(await analysis.analyse(hearingId)).toEqual(expect.objectContaining({ unchanged: false, responses }));
    const after = await analysed();
    expect(after.themes.map((t) => [t.id, t.comments.map((c) => c.id)])).toEqual(before.themes.map((t) => [t.id, t.comments.map((c) => c.id)]));
    expect(after.campaigns.map((c) => c.id)).toEqual(before.campaigns.map((c) => c.id));
  });

  it('renames, merges and moves themes; the analysis keeps the secretariat’s themes when more responses arrive', async () => {
    const before = await analysed();
    const [first, second, third] = before.themes;
    expect(third).toBeDefined();
    const renamed = await must(app, 'mutation($i: RenameHearingThemeInput!) { renameHearingTheme(input: $i) { id label renamed } }', { i: { themeId: first.id, label: 'Digitale løsninger' } }, secretariat, 'rename');
    expect(renamed.renameHearingTheme).toEqual({ id: first.id, label: 'Digitale løsninger', renamed: true });

    const merged = await must(app, 'mutation($i: MergeHearingThemesInput!) { mergeHearingThemes(input: $i) { id label size } }', { i: { themeIds: [first.id, second.id] } }, secretariat, 'merge');
    expect(merged.mergeHearingThemes).toEqual({ id: first.id, label: 'Digitale løsninger', size: first.size + second.size });

    const moved = third.comments[0].id;
    const target = await must(
      app,
      'mutation($i: MoveCommentsToThemeInput!) { moveCommentsToTheme(input: $i) { id label size comments { id } } }',
      { i: { commentIds: [moved], newThemeLabel: 'Særlige hensyn' } },
      secretariat,
      'move',
    );
    const created = target.moveCommentsToTheme as { id: string; label: string; size: number; comments: Array<{ id: string }> };
    expect(created).toEqual(expect.objectContaining({ label: 'Særlige hensyn', size: 1, comments: [{ id: moved }] }));

    const after = await analysed();
    expect(after.themes.find((t) => t.id === second.id)).toBeUndefined();
    expect(after.themes.filter((t) => t.comments.some((c) => c.id === moved)).map((t) => t.id)).toEqual([created.id]);

    const audit = await db.query<{ action: string; n: number }>(
      `SELECT "action", count(*)::int AS n FROM "audit_log" WHERE "action" LIKE 'hearing.theme.%' AND ("entity_id" = ANY($1) OR "entity_id" = $2) GROUP BY "action" ORDER BY "action"`,
      [[first.id], moved],
    );
    expect(audit.rows).toEqual([
      { action: 'hearing.theme.merge', n: 1 },
      { action: 'hearing.theme.move', n: 1 },
      { action: 'hearing.theme.rename', n: 1 },
    ]);

    // A new response: the edited themes stay as they are, and its comment is placed in one of them or a new one.
    const late = (await db.query<{ id: string }>(`SELECT o."id" FROM "organisations" o JOIN "regions" r ON r."id" = o."region_id" WHERE r."code" = 'H' AND o."kind" = 'MUNICIPALITY' ORDER BY o."name" OFFSET 16 LIMIT 1`)).rows[0];
    await db.query('INSERT INTO "hearing_invitations" ("hearing_id", "organisation_id", "nonce", "token_hash") VALUES ($1, $2, $3, $4)', [hearingId, late.id, 'n', unique('hash')]);
    await file(late.id, [{ blockId: blocks[0], text: subjectComment(seeded(99), 'digitalisering') }]);
    const again = await analysedAfter(responses);
    const kept = again.themes.find((t) => t.id === first.id);
    expect(kept?.label).toBe('Digitale løsninger');
    expect(again.themes.find((t) => t.id === created.id)?.comments.map((c) => c.id)).toEqual([moved]);
    expect(again.themes.flatMap((t) => t.comments)).toHaveLength(5 + 11 * 3 + 1);
  });

  it('one reply to a whole theme sets the reply and the outcome on every comment in it, each audited', async () => {
    const theme = (await analysed()).themes[0];
    const result = await must(
      app,
      'mutation($i: BulkReplyInput!) { replyToHearingComments(input: $i) { id reply outcome repliedAt } }',
      { i: { commentIds: theme.comments.map((c) => c.id), reply: 'Tak. Vi har skrevet det ind i afsnittet.', outcome: 'INCORPORATED' } },
      secretariat,
      'replyToHearingComments',
    );
    const replied = result.replyToHearingComments as Array<{ id: string; reply: string; outcome: string; repliedAt: string }>;
    expect(replied.map((c) => c.id).sort()).toEqual(theme.comments.map((c) => c.id).sort());
    expect(replied.every((c) => c.reply === 'Tak. Vi har skrevet det ind i afsnittet.' && c.outcome === 'INCORPORATED' && c.repliedAt)).toBe(true);
    const after = (await analysed()).themes.find((t) => t.id === theme.id);
    expect(after?.answered).toBe(theme.size);
    const audit = await db.query<{ entity_id: string }>(`SELECT "entity_id" FROM "audit_log" WHERE "action" = 'hearing.comment.reply' AND "entity_id" = ANY($1)`, [theme.comments.map((c) => c.id)]);
    expect(audit.rows.map((r) => r.entity_id).sort()).toEqual(theme.comments.map((c) => c.id).sort());
  });

  it('answers a campaign once: every member response and its comments get the reply; the memo reports it once with its count', async () => {
    const [campaign] = (await analysed()).campaigns;
    const result = await must(
      app,
      'mutation($i: CampaignReplyInput!) { replyToHearingCampaign(input: $i) { id size answered reply outcome } }',
      { i: { campaignId: campaign.id, reply: 'Nærhospitalet består i aftaleperioden.', outcome: 'NOTED' } },
      secretariat,
      'replyToHearingCampaign',
    );
    expect(result.replyToHearingCampaign).toEqual({ id: campaign.id, size: 5, answered: 5, reply: 'Nærhospitalet består i aftaleperioden.', outcome: 'NOTED' });
    const [after] = (await analysed()).campaigns;
    expect(after.responses.every((r) => r.reply === 'Nærhospitalet består i aftaleperioden.' && r.comments.every((c) => c.reply === r.reply))).toBe(true);

    const memo = await must(app, 'query($id: ID!) { hearingMemo(hearingId: $id) { html } }', { id: hearingId }, secretariat, 'hearingMemo');
    const html = (memo.hearingMemo as { html: string }).html;
    expect(html.match(/Kampagne: 5 enslydende høringssvar/g)).toHaveLength(1);
    // The letter is in the memo once, not once per sender.
    expect(html.split('nærhospitalet').length - 1).toBe(1);
    expect(html).toContain('Nærhospitalet består i aftaleperioden.');
  });

  it('saves, lists and deletes reply templates for the region’s secretariat; another region’s cannot touch them', async () => {
    const saved = await must(
      app,
      'mutation($i: SaveReplyTemplateInput!) { saveReplyTemplate(input: $i) { id title body outcome } }',
      { i: { hearingId, title: 'Indarbejdet', body: 'Tak for bemærkningen. Den er indarbejdet.', outcome: 'INCORPORATED' } },
      secretariat,
      'saveReplyTemplate',
    );
    const template = saved.saveReplyTemplate as { id: string };
    const listed = await must(app, 'query($id: ID!) { hearing(id: $id) { replyTemplates { id title } } }', { id: hearingId }, secretariat, 'hearing');
    expect((listed.hearing as { replyTemplates: unknown[] }).replyTemplates).toEqual([{ id: template.id, title: 'Indarbejdet' }]);

    const duplicate = await app.gql('mutation($i: SaveReplyTemplateInput!) { saveReplyTemplate(input: $i) { id } }', { i: { hearingId, title: 'Indarbejdet', body: 'Igen.' } }, secretariat);
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(duplicate.errors?.[0]?.message).toContain('findes allerede');

    const other = await app.login(DEMO_ACCOUNTS.sSecretariat);
    const refused = await app.gql('mutation($id: ID!) { deleteReplyTemplate(id: $id) { id } }', { id: template.id }, other);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deleted = await must(app, 'mutation($id: ID!) { deleteReplyTemplate(id: $id) { id } }', { id: template.id }, secretariat, 'deleteReplyTemplate');
    expect(deleted.deleteReplyTemplate).toEqual({ id: template.id });
  });

  it('answers bad input with a code and a Danish message', async () => {
    const noComments = await app.gql('mutation($i: BulkReplyInput!) { replyToHearingComments(input: $i) { id } }', { i: { commentIds: [], reply: 'Tak', outcome: 'NOTED' } }, secretariat);
    expect(noComments.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(noComments.errors?.[0]?.message).toContain('mindst én kommentar');
    const unknown = await app.gql('mutation($i: BulkReplyInput!) { replyToHearingComments(input: $i) { id } }', { i: { commentIds: ['00000000-0000-4000-8000-000000000001'], reply: 'Tak', outcome: 'NOTED' } }, secretariat);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const [theme] = (await analysed()).themes;
    const alone = await app.gql('mutation($i: MergeHearingThemesInput!) { mergeHearingThemes(input: $i) { id } }', { i: { themeIds: [theme.id, theme.id] } }, secretariat);
    expect(alone.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const both = await app.gql('mutation($i: MoveCommentsToThemeInput!) { moveCommentsToTheme(input: $i) { id } }', { i: { commentIds: [theme.comments[0].id] } }, secretariat);
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(both.errors?.[0]?.message).toContain('Vælg det tema');
  });
});

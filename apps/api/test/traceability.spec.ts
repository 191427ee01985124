import mammoth from 'mammoth';
import { Client } from 'pg';
import * as Y from 'yjs';
import { connectCollab, paragraphText } from './collab-client';
import { clusterId, createVersion, demoAgreement, DEMO_ACCOUNTS, must, openHearing, openInputRound, organisationId, unique } from './factories';
import { startTestApp, TestApp } from './test-app';

const CHANGES = `query($id: ID!, $to: ID) { hearing(id: $id) { responses { comments { text change(toVersionId: $to) { blockId change before after words { kind text } } } } } }`;

describe('traceability: what became of the paragraph each comment and each input points to', () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;
  let agreement: { id: string; documentName: string; versionId: string };
  let hearingId: string;
  let later: string;
  let blocks: Array<{ blockId: string; type: string; text: string }>;
  /** The draft's last paragraph: commented on in the hearing, deleted after it. */
  let doomed: { blockId: string; text: string };
  let dp: string;
  let roundId: string;
  let nordOrganisation: string;

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(DEMO_ACCOUNTS.hSecretariat);
    agreement = await demoAgreement(db);
    dp = await organisationId(db, 'Danske Patienter');
    hearingId = (await openHearing(app, secretariat, agreement.versionId, [dp])).id;
    blocks = (await must(app, 'query($id: ID!) { hearing(id: $id) { version { blocks { blockId type text } } } }', { id: hearingId }, secretariat, 'hearing')).hearing.version.blocks;
    const paragraphs = blocks.filter((b) => b.type === 'paragraph');
    doomed = paragraphs[paragraphs.length - 1];
    // Comments on the first paragraph (to be changed), the last one (to be deleted), a heading (left alone), and a general one.
    await must(
      app,
      'mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { id } }',
      {
        i: {
          hearingId,
          organisationId: dp,
          idempotencyKey: unique('svar'),
          comments: [
            { blockId: paragraphs[0].blockId, text: 'Nævn almen praksis først.' },
            { blockId: paragraphs.at(-1)?.blockId, text: 'Skriv teksten færdig.' },
            { blockId: blocks.find((b) => b.text === 'Helhedssyn')?.blockId, text: 'Godt princip.' },
            { text: 'Generelt godt.' },
          ],
          publish: true,
        },
      },
      await app.login(DEMO_ACCOUNTS.invitedOrganisation),
      'submitHearingResponse',
    );
    const nord = await clusterId(db, 'H', 'Nord');
    const round = await openInputRound(app, secretariat, agreement.id, [nord]);
    roundId = round;
    nordOrganisation = (await db.query<{ organisation_id: string }>('SELECT "organisation_id" FROM "clusters" WHERE "id" = $1', [nord])).rows[0].organisation_id;
    await must(
      app,
      'mutation($i: SubmitClusterInputInput!) { submitClusterInput(input: $i) { id } }',
      { i: { roundId: round, clusterId: nord, items: [{ blockId: paragraphs[0].blockId, theme: 'Almen praksis', text: 'Almen praksis skal med.' }] } },
      await app.login(DEMO_ACCOUNTS.hCluster),
      'submitClusterInput',
    );

    // After the hearing the secretariat rewrites the first paragraph and deletes the last principle's text.
    const editor = await connectCollab(app.url, agreement.documentName, secretariat);
    paragraphText(editor.doc, 0).insert(0, 'Almen praksis, regionen og kommunerne: ');
    const fragment = editor.doc.getXmlFragment('default');
    // The last paragraph, wherever it stands (in its section, or in a list of it).
    const find = (parent: Y.XmlFragment | Y.XmlElement): [Y.XmlFragment | Y.XmlElement, number] | null => {
      const children = parent.toArray();
      for (const [index, node] of children.entries()) {
        if (!(node instanceof Y.XmlElement)) continue;
        if (node.getAttribute('blockId') === doomed.blockId) return [parent, index];
        const inner = find(node);
        if (inner) return inner;
      }
      return null;
    };
    const place = find(fragment);
    expect(place).not.toBeNull();
    const [parent, index] = place as [Y.XmlElement, number];
    parent.delete(index, 1);
    await editor.settled();
    editor.destroy();
    later = await createVersion(app, secretariat, agreement.id, 'Efter høringen');
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  const commentsOf = async (to?: string) => {
    const data = await must(app, CHANGES, { id: hearingId, to }, secretariat, 'hearing');
    const comments = data.hearing.responses.flatMap((r: { comments: unknown[] }) => r.comments) as Array<{ text: string; change: { blockId: string; change: string; before: string | null; after: string | null; words: Array<{ kind: string; text: string }> } | null }>;
    return new Map(comments.map((c) => [c.text, c.change]));
  };

  it('reports CHANGED with before and after for a comment whose paragraph changed in a later version; REMOVED, UNCHANGED and none for the others', async () => {
    const changes = await commentsOf(later);
    const first = blocks.filter((b) => b.type === 'paragraph')[0];
    expect(changes.get('Nævn almen praksis først.')).toEqual({
      blockId: first.blockId,
      change: 'CHANGED',
      before: first.text,
      after: `Almen praksis, regionen og kommunerne: ${first.text}`,
      words: expect.arrayContaining([{ kind: 'ADDED', text: expect.stringContaining('Almen praksis') }]),
    });
    expect(changes.get('Skriv teksten færdig.')).toMatchObject({ change: 'REMOVED', before: doomed.text, after: null });
    expect(changes.get('Godt princip.')).toMatchObject({ change: 'UNCHANGED', before: 'Helhedssyn', after: 'Helhedssyn' });
    expect(changes.get('Generelt godt.')).toBeNull();
    // By default: the newest version after the hearing's, here the same.
    expect(await commentsOf()).toEqual(changes);
    // Against the hearing's own version nothing has changed.
    expect((await commentsOf(agreement.versionId)).get('Nævn almen praksis først.')).toMatchObject({ change: 'UNCHANGED' });
  });

  it('puts under each commented paragraph of the memo what it became: the redline of a changed one, a line for a removed or untouched one', async () => {
    const memo = await must(app, 'query($id: ID!) { hearingMemo(hearingId: $id) { html comparedWith } }', { id: hearingId }, secretariat, 'hearingMemo');
    const { html, comparedWith } = memo.hearingMemo as { html: string; comparedWith: string };
    expect(comparedWith).toMatch(/\(Efter høringen\)$/);
    const entry = html.slice(html.indexOf('Nævn almen praksis først.'));
    expect(entry).toMatch(new RegExp(`^[\\s\\S]*?Sekretariatets svar:[\\s\\S]*?Afsnittet er ændret i ${comparedWith.replace(/[()]/g, '\\$&')}:</p><p class="redline"><ins>Almen praksis, regionen og kommunerne: </ins>`));
    expect(html).toContain(`Afsnittet er fjernet i ${comparedWith}.`);
    expect(html).toContain(`Afsnittet er uændret i ${comparedWith}.`);
  });

  it('gives each organisation and each cluster a "what we said — what changed" page and Word document', async () => {
    const TRACE = `query($h: ID!, $o: ID!) { hearingChangeTrace(hearingId: $h, organisationId: $o) { title comparedWith docxUrl
      entries { said paragraph reply outcome change { change before after } } } }`;
    const trace = (await must(app, TRACE, { h: hearingId, o: dp }, secretariat, 'hearingChangeTrace')).hearingChangeTrace;
    expect(trace.title).toBe('Høringssvar fra Danske Patienter');
    const first = blocks.filter((b) => b.type === 'paragraph')[0];
    expect(trace.entries).toEqual([
      { said: 'Nævn almen praksis først.', paragraph: first.text, reply: null, outcome: null, change: { change: 'CHANGED', before: first.text, after: `Almen praksis, regionen og kommunerne: ${first.text}` } },
      { said: 'Skriv teksten færdig.', paragraph: doomed.text, reply: null, outcome: null, change: { change: 'REMOVED', before: doomed.text, after: null } },
      { said: 'Godt princip.', paragraph: 'Helhedssyn', reply: null, outcome: null, change: { change: 'UNCHANGED', before: 'Helhedssyn', after: 'Helhedssyn' } },
      { said: 'Generelt godt.', paragraph: null, reply: null, outcome: null, change: null },
    ]);
    const docx = await fetch(`${app.url}${trace.docxUrl}`, { headers: { authorization: `Bearer ${secretariat}` } });
    expect(docx.status).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    expect(text).toContain('Hvad vi sagde – hvad der blev ændret');
    expect(text).toContain('Det sagde vi: Nævn almen praksis først.');
    expect(text).toContain('Det blev ændret: Afsnittet er fjernet.');

    const cluster = (await must(app, 'query($r: ID!, $o: ID!) { inputRoundChangeTrace(roundId: $r, organisationId: $o) { title docxUrl entries { said change { change } } } }', { r: roundId, o: nordOrganisation }, secretariat, 'inputRoundChangeTrace')).inputRoundChangeTrace;
    expect(cluster.entries).toEqual([{ said: 'Almen praksis skal med.', change: { change: 'CHANGED' } }]);
    expect((await fetch(`${app.url}${cluster.docxUrl}`, { headers: { authorization: `Bearer ${secretariat}` } })).status).toBe(200);

    // The organisation itself does not read later versions: the secretariat sends it the page.
    const own = await app.gql(TRACE, { h: hearingId, o: dp }, await app.login(DEMO_ACCOUNTS.invitedOrganisation));
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('follows a cluster input item to the later version too', async () => {
    const data = await must(
      app,
      'query($id: ID!) { agreement(id: $id) { inputRounds { inputs { items { text change { change before after } } } } } }',
      { id: agreement.id },
      secretariat,
      'agreement',
    );
    const items = data.agreement.inputRounds.flatMap((r: { inputs: Array<{ items: unknown[] }> }) => r.inputs.flatMap((i) => i.items)) as Array<{ text: string; change: { change: string; after: string } | null }>;
    expect(items.find((i) => i.text === 'Almen praksis skal med.')?.change).toMatchObject({ change: 'CHANGED', after: expect.stringMatching(/^Almen praksis, regionen og kommunerne: /) });
  });

  it('counts the comments and input per paragraph of the live draft, and lists the deleted paragraph’s comments as orphaned', async () => {
    const data = await must(
      app,
      'query($id: ID!) { agreement(id: $id) { paragraphAnchors { blockId hearingComments clusterInputs } orphanedAnchors { blockId hearingComments clusterInputs lastText versionNumber } } }',
      { id: agreement.id },
      secretariat,
      'agreement',
    );
    const paragraphs = blocks.filter((b) => b.type === 'paragraph');
    const counts = new Map((data.agreement.paragraphAnchors as Array<{ blockId: string; hearingComments: number; clusterInputs: number }>).map((c) => [c.blockId, c]));
    // The demo hearing's comments count too; this hearing adds one comment and one input to the first paragraph.
    expect(counts.get(paragraphs[0].blockId)).toMatchObject({ hearingComments: 1, clusterInputs: 1 });
    expect(data.agreement.orphanedAnchors).toContainEqual({ blockId: paragraphs.at(-1)?.blockId, hearingComments: 1, clusterInputs: 0, lastText: doomed.text, versionNumber: 1 });

    const cluster = await app.gql('query($id: ID!) { agreement(id: $id) { orphanedAnchors { blockId } } }', { id: agreement.id }, await app.login(DEMO_ACCOUNTS.hCluster));
    expect(cluster.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

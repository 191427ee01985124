import { collectSections, DRAFT_FRAGMENT, draftExtensions, draftSchema, JSONContent, topSections } from '@aftalerum/editor';
import { Editor } from '@tiptap/core';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { connectCollab, pollUntil } from './collab-client';
import { demo, startTestApp, TestApp } from './test-app';

type SectionRow = { blockId: string; kind: string; title: string; focusAreaId: string | null };
const SECTIONS = 'query($id: ID!) { agreement(id: $id) { sections { blockId kind title focusAreaId } } }';

/**
 * Runs an editor command of libs/editor on the draft a real collaboration client holds, and
 * sends the result over /collab as that client's own edit (what y-prosemirror does in the browser).
 */
async function editThroughCollab(app: TestApp, documentName: string, token: string, edit: (editor: Editor) => void): Promise<JSONContent> {
  const client = await connectCollab(app.url, documentName, token);
  try {
    const fragment = client.doc.getXmlFragment(DRAFT_FRAGMENT);
    const editor = new Editor({ extensions: draftExtensions(), content: yXmlFragmentToProseMirrorRootNode(fragment, draftSchema()).toJSON(), element: null });
    edit(editor);
    client.doc.transact(() => updateYFragment(client.doc, fragment, editor.state.doc, { mapping: new Map(), isOMark: new Map() }));
    const json = editor.getJSON() as JSONContent;
    editor.destroy();
    await client.settled();
    return json;
  } finally {
    client.destroy();
  }
}

describe('sections inserted in the editor', () => {
  let app: TestApp;
  let token: string;
  let agreementId: string;
  let documentName: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = await app.login(demo('sekretariat'));
    const result = await app.gql('{ agreements { id documentName } }', {}, token);
    agreementId = result.data?.agreements[0].id;
    documentName = result.data?.agreements[0].documentName;
  });
  afterAll(() => app.close());

  it('lists a goal inserted through a collaboration client in Agreement.sections, in document order under its focus area', async () => {
    const before = (await app.gql<{ agreement: { sections: SectionRow[] } }>(SECTIONS, { id: agreementId }, token)).data?.agreement.sections ?? [];
    const area = before.find((s) => s.kind === 'FOCUS_AREA');
    expect(area).toBeDefined();

    const edited = await editThroughCollab(app, documentName, token, (editor) => {
      const target = topSections(editor.state.doc).find((s) => s.blockId === area?.blockId);
      if (!target) throw new Error('focus area not in the draft');
      editor.commands.setTextSelection(target.pos + 2);
      expect(editor.commands.insertSection('GOAL', { title: 'Færre forebyggelige indlæggelser' })).toBe(true);
      editor.commands.insertSection('ANNEX', { title: 'Det Administrative Tillæg' });
    });
    const expected = collectSections(edited).map(({ blockId, kind, title, focusAreaId }) => ({ blockId, kind, title, focusAreaId }));

    const after = await pollUntil(
      async () => (await app.gql<{ agreement: { sections: SectionRow[] } }>(SECTIONS, { id: agreementId }, token)).data?.agreement.sections ?? [],
      (sections) => sections.length === before.length + 2,
    );
    expect(after).toEqual(expected);
    const index = after.findIndex((s) => s.title === 'Færre forebyggelige indlæggelser');
    expect(after[index - 1]).toEqual(area);
    expect(after[index]).toMatchObject({ kind: 'GOAL', focusAreaId: area?.blockId });
    // The annex went after all the focus area's goals (the new one and the demo's own), so they stay with their focus area.
    const annex = after.findIndex((s) => s.kind === 'ANNEX');
    expect(annex).toBe(index + 2);
    expect(after.slice(index, annex).map((s) => ({ kind: s.kind, focusAreaId: s.focusAreaId }))).toEqual([
      { kind: 'GOAL', focusAreaId: area?.blockId },
      { kind: 'GOAL', focusAreaId: area?.blockId },
    ]);
    expect(after[annex]).toMatchObject({ kind: 'ANNEX', title: 'Det Administrative Tillæg', focusAreaId: null });
    // Fresh, unique ids: the server freezes the draft as a version without complaint.
    expect(new Set(after.map((s) => s.blockId)).size).toBe(after.length);
    const version = await app.gql('mutation($i: CreateVersionInput!) { createVersion(input: $i) { id sections { kind title focusAreaId } } }', { i: { agreementId, label: 'Med nyt mål' } }, token);
    expect(version.errors).toBeUndefined();
    expect(version.data?.createVersion.sections).toContainEqual({ kind: 'GOAL', title: 'Færre forebyggelige indlæggelser', focusAreaId: area?.blockId });
  });

  it('compares a version with the live draft, for the readers of the agreement only', async () => {
    const versions = await app.gql('query($id: ID!) { agreement(id: $id) { versions { id number label } } }', { id: agreementId }, token);
    const latest = (versions.data?.agreement.versions as Array<{ id: string; label: string }>)[0];
    expect(latest.label).toBe('Med nyt mål');
    await editThroughCollab(app, documentName, token, (editor) => {
      editor.commands.setTextSelection(4);
      editor.commands.moveSection('down');
      editor.commands.insertSection('PRINCIPLE', { title: 'Data følger borgeren' });
    });
    const COMPARE_LIVE = 'query($f: ID!) { compareVersions(fromVersionId: $f) { from { id } to { id } changes { change type after sectionTitle } } }';
    const compared = await pollUntil(
      () => app.gql(COMPARE_LIVE, { f: latest.id }, token),
      (result) => (result.data?.compareVersions.changes as Array<{ after: string | null }> | undefined)?.some((c) => c.after === 'Data følger borgeren') ?? false,
    );
    expect(compared.errors).toBeUndefined();
    expect(compared.data?.compareVersions.from.id).toBe(latest.id);
    expect(compared.data?.compareVersions.to).toBeNull();
    expect(compared.data?.compareVersions.changes).toContainEqual({ change: 'ADDED', type: 'heading', after: 'Data følger borgeren', sectionTitle: 'Data følger borgeren' });

    // A municipality of another region may not read the draft: FORBIDDEN, with a Danish reason.
    const other = await app.login(demo('kommune.odense'));
    const refused = await app.gql(COMPARE_LIVE, { f: latest.id }, other);
    expect(refused.data?.compareVersions).toBeFalsy();
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/adgang/);
  });
});

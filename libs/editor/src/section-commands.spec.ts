import { Editor } from '@tiptap/core';
import { collectSections, JSONContent } from './document';
import { draftExtensions } from './schema';
import { isSlashCommandPlace, topSections } from './section-commands';
import type { SectionKind } from './section-kind';

const section = (kind: SectionKind, id: string, title: string): JSONContent => ({
  type: 'section',
  attrs: { kind, blockId: id },
  content: [
    { type: 'heading', attrs: { level: 1, blockId: `${id}-h` }, content: [{ type: 'text', text: title }] },
    { type: 'paragraph', attrs: { blockId: `${id}-p` }, content: [{ type: 'text', text: `Tekst om ${title}` }] },
  ],
});

const DOC: JSONContent = {
  type: 'doc',
  content: [
    section('PREAMBLE', 'intro', 'Indledning'),
    section('FOCUS_AREA', 'fa1', 'Ældre'),
    section('GOAL', 'g1', 'Færre indlæggelser'),
    section('FOCUS_AREA', 'fa2', 'Psykisk sygdom'),
    section('PRINCIPLE', 'pr1', 'Helhedssyn'),
  ],
};

let counter = 0;
const editorOn = (content: JSONContent = DOC) =>
  new Editor({
    extensions: draftExtensions().map((extension) => (extension.name === 'sectionCommands' ? extension.configure({ generateId: () => `ny-${++counter}` }) : extension)),
    content,
    // Headless: commands work on the editor state, without a DOM.
    element: null,
  });

/** Puts the caret in the paragraph of the section with this id. */
function caretIn(editor: Editor, id: string): void {
  const target = topSections(editor.state.doc).find((s) => s.blockId === id);
  if (!target) throw new Error(`no section ${id}`);
  const heading = target.node.child(0);
  editor.commands.setTextSelection(target.pos + 1 + heading.nodeSize + 1);
}

const order = (editor: Editor) => collectSections(editor.getJSON()).map((s) => s.blockId);

describe('section commands', () => {
  let editor: Editor;
  beforeEach(() => {
    counter = 0;
    editor = editorOn();
  });
  afterEach(() => editor.destroy());

  it('inserts a goal right after its focus area, with fresh block ids, and selects its heading', () => {
    caretIn(editor, 'fa2');
    expect(editor.commands.insertSection('GOAL')).toBe(true);
    const sections = collectSections(editor.getJSON());
    expect(sections.map((s) => [s.blockId, s.kind, s.title, s.focusAreaId])).toEqual([
      ['intro', 'PREAMBLE', 'Indledning', null],
      ['fa1', 'FOCUS_AREA', 'Ældre', null],
      ['g1', 'GOAL', 'Færre indlæggelser', 'fa1'],
      ['fa2', 'FOCUS_AREA', 'Psykisk sygdom', null],
      ['ny-1', 'GOAL', 'Nyt mål', 'fa2'],
      ['pr1', 'PRINCIPLE', 'Helhedssyn', null],
    ]);
    const inserted: JSONContent | undefined = editor.getJSON().content?.[4];
    expect(inserted?.content?.map((block: JSONContent) => block.attrs?.blockId)).toEqual(['ny-2', 'ny-3']);
    // Typing replaces the placeholder heading.
    const { from, to } = editor.state.selection;
    expect(editor.state.doc.textBetween(from, to)).toBe('Nyt mål');
    editor.commands.insertContent({ type: 'text', text: 'Flere i job' });
    expect(collectSections(editor.getJSON())[4].title).toBe('Flere i job');
  });

  it('inserts any other kind after the focus area and its goals, so the goals stay with it', () => {
    caretIn(editor, 'fa1');
    editor.commands.insertSection('VISION');
    expect(order(editor)).toEqual(['intro', 'fa1', 'g1', 'ny-1', 'fa2', 'pr1']);
    caretIn(editor, 'g1');
    editor.commands.insertSection('ANNEX', { title: 'Det Administrative Tillæg' });
    expect(collectSections(editor.getJSON()).map((s) => [s.kind, s.title]).slice(1, 5)).toEqual([
      ['FOCUS_AREA', 'Ældre'],
      ['GOAL', 'Færre indlæggelser'],
      ['ANNEX', 'Det Administrative Tillæg'],
      ['VISION', 'Ny vision'],
    ]);
  });

  it('gives every kind its own heading', () => {
    for (const kind of ['PREAMBLE', 'VISION', 'FOCUS_AREA', 'GOAL', 'PRINCIPLE', 'ANNEX', 'OTHER'] as const) {
      caretIn(editor, 'pr1');
      editor.commands.insertSection(kind);
    }
    expect(collectSections(editor.getJSON()).slice(5).map((s) => s.title)).toEqual(
      ['Nyt afsnit', 'Nyt tillæg', 'Nyt princip', 'Nyt mål', 'Nyt fokusområde', 'Ny vision', 'Ny indledning'],
    );
    expect(new Set(editor.getJSON().content?.map((s: JSONContent) => s.attrs?.blockId)).size).toBe(12);
  });

  it('moves a focus area with its goals, and a section past a whole focus area', () => {
    caretIn(editor, 'fa1');
    expect(editor.commands.moveSection('down')).toBe(true);
    expect(order(editor)).toEqual(['intro', 'fa2', 'fa1', 'g1', 'pr1']);
    // The caret moved with the section.
    expect(topSections(editor.state.doc)[editor.state.selection.$from.index(0)].blockId).toBe('fa1');
    caretIn(editor, 'pr1');
    editor.commands.moveSection('up');
    expect(order(editor)).toEqual(['intro', 'fa2', 'pr1', 'fa1', 'g1']);
    editor.commands.moveSection('up');
    editor.commands.moveSection('up');
    expect(order(editor)).toEqual(['pr1', 'intro', 'fa2', 'fa1', 'g1']);
    // The first section cannot move further up; the content keeps its ids.
    expect(editor.commands.moveSection('up')).toBe(false);
    expect(collectSections(editor.getJSON())[0]).toMatchObject({ blockId: 'pr1', title: 'Helhedssyn', text: 'Tekst om Helhedssyn' });
  });

  it('moves a goal one section at a time, so it can change focus area', () => {
    caretIn(editor, 'g1');
    editor.commands.moveSection('down');
    expect(collectSections(editor.getJSON()).map((s) => [s.blockId, s.focusAreaId])).toEqual([
      ['intro', null],
      ['fa1', null],
      ['fa2', null],
      ['g1', 'fa2'],
      ['pr1', null],
    ]);
    caretIn(editor, 'pr1');
    expect(editor.commands.moveSection('down')).toBe(false);
  });

  it('removes the current section, never the last one', () => {
    caretIn(editor, 'fa2');
    expect(editor.commands.removeSection()).toBe(true);
    expect(order(editor)).toEqual(['intro', 'fa1', 'g1', 'pr1']);
    // The caret is in the heading of the section that took its place.
    expect(editor.state.selection.$from.parent.textContent).toBe('Helhedssyn');
    editor.commands.removeSection();
    expect(editor.state.selection.$from.parent.textContent).toBe('Tekst om Færre indlæggelser');
    editor.commands.removeSection();
    editor.commands.removeSection();
    expect(order(editor)).toEqual(['intro']);
    expect(editor.commands.removeSection()).toBe(false);
  });

  it('changes a section kind', () => {
    caretIn(editor, 'pr1');
    editor.commands.setSectionKind('GOAL');
    expect(collectSections(editor.getJSON())[4]).toMatchObject({ kind: 'GOAL', focusAreaId: 'fa2' });
  });

  it('knows where "/" opens the section commands: alone in an empty paragraph', () => {
    caretIn(editor, 'fa1');
    expect(isSlashCommandPlace(editor.state)).toBe(false);
    editor.commands.insertSection('GOAL');
    // Past the end of the heading (+1) into the new, empty paragraph (+1).
    editor.commands.setTextSelection(editor.state.selection.to + 2);
    expect(editor.state.selection.$from.parent.type.name).toBe('paragraph');
    expect(isSlashCommandPlace(editor.state)).toBe(true);
  });
});

import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useId } from 'react';
import { currentSectionPos, outlineOf, OutlineGroup, OutlineSection } from '../lib/outline';

const sameOutline = (a: { groups: OutlineGroup[]; current: number | null }, b: { groups: OutlineGroup[]; current: number | null } | null) =>
  b !== null && a.current === b.current && JSON.stringify(a.groups) === JSON.stringify(b.groups);

/** Where the node with this block id is in the current document, or null. */
function positionOfBlock(editor: Editor, blockId: string): number | null {
  let found: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.attrs.blockId === blockId) found = pos;
    return found === null;
  });
  return found;
}

/**
 * Moves the cursor into a section (or one of its sub-headings) and brings it into view.
 * A section's heading text starts two positions in (section → heading → text), a
 * sub-heading's one.
 */
export function goToBlock(editor: Editor, target: { pos: number; blockId: string | null }, depth: 1 | 2): void {
  // The outline's positions are as of its last render; a co-author's edit since then moves them.
  // The block id finds the section where it is now.
  const pos = (target.blockId ? positionOfBlock(editor, target.blockId) : null) ?? target.pos;
  editor.chain().focus().setTextSelection(pos + depth).scrollIntoView().run();
  const dom = editor.view.nodeDOM(pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start' });
  // A read-only draft cannot take the caret; focus the document so reading continues there.
  if (!editor.isEditable) editor.view.dom.focus({ preventScroll: true });
}

/** One section in the outline: a button that goes there, its sub-headings and (a focus area's) goals below it. */
function OutlineEntry({ section, editor, current }: { section: OutlineSection; editor: Editor | null; current: number | null }) {
  return (
    <li>
      <button
        type="button"
        className={`outline__link${section.kind === 'GOAL' ? ' outline__link--goal' : ''}`}
        aria-current={current === section.pos ? 'location' : undefined}
        onClick={() => editor && goToBlock(editor, section, 2)}
      >
        {section.title || 'Afsnit uden overskrift'}
      </button>
      {section.headings.length > 0 && (
        <ul>
          {section.headings.map((heading, index) => (
            <li key={heading.blockId ?? index}>
              <button type="button" className="outline__link outline__link--sub" onClick={() => editor && goToBlock(editor, heading, 1)}>
                {heading.title || 'Overskrift uden tekst'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {section.goals.length > 0 && (
        <ul aria-label={`Mål under ${section.title || 'fokusområdet'}`}>
          {section.goals.map((goal) => (
            <OutlineEntry key={goal.blockId ?? goal.pos} section={goal} editor={editor} current={current} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The live table of contents: the draft's sections in document order, by part, each a button that goes there. */
export function SectionOutline({ editor }: { editor: Editor | null }) {
  const titleId = useId();
  const outline = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e ? { groups: outlineOf(e.state.doc), current: currentSectionPos(e.state.doc, e.state.selection.from) } : null,
    equalityFn: (a, b) => (a === null ? b === null : sameOutline(a, b)),
  });

  return (
    <nav className="outline" aria-labelledby={titleId}>
      <h2 id={titleId}>Indholdsfortegnelse</h2>
      {!outline && <p className="muted">Indlæser afsnit…</p>}
      {outline?.groups.map((group) => (
        <div key={group.id} className="outline__group">
          <h3 id={`${titleId}-${group.id}`}>{group.label}</h3>
          <ul aria-labelledby={`${titleId}-${group.id}`}>
            {group.sections.map((section) => (
              <OutlineEntry key={section.blockId ?? section.pos} section={section} editor={editor} current={outline.current} />
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

import { DRAFT_FRAGMENT, draftExtensions } from '@aftalerum/editor';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { ReactNode, useEffect, useId } from 'react';
import { SECTION_KIND_LABEL_VARIABLES } from '../../../lib/section-kind-style';
import type { Collaboration as CollaborationConnection } from '../hooks/use-collaboration';
import { KeepCaretOnRemoteEdit } from '../lib/keep-caret-on-remote-edit';
import { EditorToolbar } from './editor-toolbar';
import { SectionOutline } from './section-outline';

/** Another person's caret: a coloured bar with their name above it. Hidden from screen readers, who get "Til stede". */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#565e68';
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : 'Ukendt';
  caret.append(label);
  return caret;
}

interface LiveDraftProps {
  collaboration: CollaborationConnection;
  user: { name: string; color: string };
  editable: boolean;
  /** Shown above the draft for people who may only read. */
  readOnlyNotice: ReactNode;
}

/**
 * The live, collaborative draft: Tiptap on the shared Yjs document with everyone's carets,
 * its toolbar, and the section outline built from it. Mounted once the draft has synced,
 * so the editor never starts from an empty document.
 */
export function LiveDraft({ collaboration, user, editable, readOnlyNotice }: LiveDraftProps) {
  const draftId = useId();
  const titleId = useId();
  const { provider, ydoc } = collaboration;
  const editor = useEditor(
    {
      extensions: [
        ...draftExtensions(),
        Collaboration.configure({ document: ydoc, field: DRAFT_FRAGMENT }),
        CollaborationCaret.configure({ provider, user, render: renderCaret }),
        KeepCaretOnRemoteEdit,
      ],
      editable,
      editorProps: {
        attributes: {
          id: draftId,
          class: 'draft',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': titleId,
          spellcheck: 'true',
          lang: 'da',
        },
      },
    },
    [provider, ydoc],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (editor.isEditable !== editable) editor.setEditable(editable, false);
    const dom = editor.view.dom;
    dom.setAttribute('aria-readonly', String(!editable));
    // A read-only draft is still reachable with the keyboard, to read and to select text.
    if (editable) dom.removeAttribute('tabindex');
    else dom.setAttribute('tabindex', '0');
  }, [editor, editable]);

  return (
    <>
      <SectionOutline editor={editor} />
      <section className="draft-pane" aria-labelledby={titleId}>
        <h2 id={titleId} className="visually-hidden">
          Udkast
        </h2>
        {editable ? <EditorToolbar editor={editor} controls={draftId} /> : readOnlyNotice}
        <div className="draft-paper" style={SECTION_KIND_LABEL_VARIABLES}>
          <EditorContent editor={editor} />
        </div>
      </section>
    </>
  );
}

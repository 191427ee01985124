import { DRAFT_FRAGMENT, draftExtensions, isSlashCommandPlace } from '@aftalerum/editor';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import type { EditorView } from '@tiptap/pm/view';
import { ReactNode, useEffect, useId, useRef, useState } from 'react';
import { SECTION_KIND_LABEL_VARIABLES } from '../../../lib/section-kind-style';
import type { Collaboration as CollaborationConnection } from '../hooks/use-collaboration';
import { CommentsPanel } from '../../draft-comments/components/comments-panel';
import { CommentHighlights } from '../../draft-comments/lib/comment-highlights';
import { KeepCaretOnRemoteEdit } from '../lib/keep-caret-on-remote-edit';
import { EditorToolbar } from './editor-toolbar';
import { SectionMenu, SectionMenuPlace } from './section-menu';
import { SectionOutline } from './section-outline';
import { AnchorCount, AnchorCounts, anchorCountsKey } from '../../letters/lib/anchor-counts';
import { SuggestionsPanel } from '../../suggestions/components/suggestions-panel';
import { SuggestChanges, SuggestionAuthor } from '../lib/suggest-changes';

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
  /** The agreement whose draft this is (its comment threads are beside it). */
  agreementId: string;
  /** Shown below the comments in the side column (the versions). */
  aside?: ReactNode;
  /** Per block: the hearing comments and cluster inputs pointing to it (the secretariat's view). */
  anchorCounts?: Map<string, AnchorCount>;
  /** May write: formatting, sections, and deciding suggestions; suggesting is optional. */
  canWrite: boolean;
  /** May suggest changes; without canWrite, suggesting is all they may do (always on). */
  canSuggest: boolean;
  /** Stamped on the suggestions this person makes. */
  author: SuggestionAuthor;
}

/**
 * The live, collaborative draft: Tiptap on the shared Yjs document with everyone's carets,
 * its toolbar, and the section outline built from it. Mounted once the draft has synced,
 * so the editor never starts from an empty document.
 */
export function LiveDraft({ collaboration, user, editable, readOnlyNotice, agreementId, aside, anchorCounts, canWrite, canSuggest, author }: LiveDraftProps) {
  const draftId = useId();
  const titleId = useId();
  const { provider, ydoc } = collaboration;
  const [menu, setMenu] = useState<SectionMenuPlace | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const suggestOnly = canSuggest && !canWrite;
  const [suggesting, setSuggesting] = useState(suggestOnly);
  // Read by the plugin on every key: the toggle takes effect without a new editor.
  const suggestingRef = useRef(suggesting);
  suggestingRef.current = suggesting || suggestOnly;
  const authorRef = useRef(author);
  authorRef.current = author;
  /** Opens the section menu at the caret (the editor's key handler is set up once, hence the ref). */
  const openAtCaret = useRef((view: EditorView, source: SectionMenuPlace['source']) => {
    const coords = view.coordsAtPos(view.state.selection.from);
    setMenu({ top: coords.bottom + 4, left: coords.left, source });
  });
  const editor = useEditor(
    {
      extensions: [
        ...draftExtensions(),
        Collaboration.configure({ document: ydoc, field: DRAFT_FRAGMENT }),
        CollaborationCaret.configure({ provider, user, render: renderCaret }),
        KeepCaretOnRemoteEdit,
        CommentHighlights,
        AnchorCounts,
        SuggestChanges.configure({ enabled: () => suggestingRef.current, author: () => authorRef.current }),
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
        handleKeyDown: (view, event) => {
          if (!view.editable || suggestingRef.current) return false;
          // "/" alone in an empty paragraph, Shift+F10 and the menu key open the section commands.
          const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && isSlashCommandPlace(view.state);
          const contextKey = event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey);
          if (!slash && !contextKey) return false;
          event.preventDefault();
          openAtCaret.current(view, slash ? 'slash' : 'context');
          return true;
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

  useEffect(() => {
    if (!editor || editor.isDestroyed || !anchorCounts) return;
    editor.view.dispatch(editor.state.tr.setMeta(anchorCountsKey, anchorCounts).setMeta('addToHistory', false));
  }, [editor, anchorCounts]);

  return (
    <>
      <SectionOutline editor={editor} />
      <section className="draft-pane" aria-labelledby={titleId}>
        <h2 id={titleId} className="visually-hidden">
          Udkast
        </h2>
        {editable && canSuggest && (
          <p className="suggest-toggle">
            <button
              type="button"
              className="suggest-toggle__button"
              aria-pressed={suggesting || suggestOnly}
              aria-disabled={suggestOnly}
              aria-describedby={`${draftId}-suggest-hint`}
              onClick={() => {
                if (suggestOnly) return;
                setSuggesting((on) => !on);
                setAnnouncement(suggesting ? 'Foreslå ændringer er slået fra' : 'Foreslå ændringer er slået til');
              }}
            >
              Foreslå ændringer
            </button>
            <span id={`${draftId}-suggest-hint`} className="muted">
              {suggestOnly
                ? 'Det du skriver og sletter bliver forslag, som sekretariatet godkender eller afviser.'
                : suggesting
                  ? 'Det du skriver og sletter bliver forslag.'
                  : 'Slået fra: du retter teksten direkte.'}
            </span>
          </p>
        )}
        {editable && canWrite && !suggesting ? (
          <EditorToolbar
            editor={editor}
            controls={draftId}
            sectionMenuOpen={menu?.source === 'toolbar'}
            openSectionMenu={(anchor) => {
              const box = anchor.getBoundingClientRect();
              setMenu({ top: box.bottom + 4, left: box.left, source: 'toolbar' });
            }}
          />
        ) : editable ? null : (
          readOnlyNotice
        )}
        <div
          className="draft-paper"
          style={SECTION_KIND_LABEL_VARIABLES}
          onContextMenu={(event) => {
            if (!editable || !editor || suggestingRef.current) return;
            // Right click: the caret goes where the click was, the menu opens there.
            const at = editor.view.posAtCoords({ left: event.clientX, top: event.clientY });
            if (!at) return;
            event.preventDefault();
            editor.commands.setTextSelection(at.pos);
            setMenu({ top: event.clientY, left: event.clientX, source: 'context' });
          }}
        >
          <EditorContent editor={editor} />
        </div>
        {menu && editor && (
          <SectionMenu
            editor={editor}
            place={menu}
            announce={setAnnouncement}
            onClose={(chose) => {
              const source = menu.source;
              setMenu(null);
              if (chose) return;
              // Closed without a choice: back to the text (a "/" typed for the menu is put in after all).
              if (source === 'slash') editor.chain().focus().insertContent({ type: 'text', text: '/' }).run();
              else if (source === 'context') editor.commands.focus();
              else document.querySelector<HTMLElement>('.toolbar__button--sections')?.focus();
            }}
          />
        )}
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </section>
      <div className="side-column">
        {editor && (canSuggest || canWrite) && <SuggestionsPanel editor={editor} agreementId={agreementId} canDecide={canWrite} />}
        <CommentsPanel editor={editor} agreementId={agreementId} />
        {aside}
      </div>
    </>
  );
}

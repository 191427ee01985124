import { useMutation } from '@apollo/client/react';
import type { Editor } from '@tiptap/core';
import { FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { formatDateTime } from '../../../lib/format';
import { CREATE_DRAFT_COMMENT_THREAD, DraftThread, REOPEN_DRAFT_COMMENT_THREAD, REPLY_TO_DRAFT_COMMENT_THREAD, RESOLVE_DRAFT_COMMENT_THREAD } from '../graphql/draft-comments';
import { useDraftComments } from '../hooks/use-draft-comments';
import { anchorSelection, resolveAnchor, sectionTitleAt } from '../lib/anchors';
import { commentHighlightsKey } from '../lib/comment-highlights';

interface Placed {
  thread: DraftThread;
  span: { from: number; to: number } | null;
  section: string;
}

/** Re-renders on every change of the draft or of its selection. */
function useEditorTick(editor: Editor | null): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!editor) return;
    const bump = () => setTick((n) => n + 1);
    editor.on('transaction', bump);
    return () => {
      editor.off('transaction', bump);
    };
  }, [editor]);
  return tick;
}

/**
 * The draft's comment threads beside it: a form for the selected text, the open threads by
 * section in the order of the text, the orphaned ones (their text was deleted) and the resolved
 * ones. Everyone who may read the draft comments, answers, resolves and reopens.
 */
export function CommentsPanel({ editor, agreementId }: { editor: Editor | null; agreementId: string }) {
  const titleId = useId();
  const { threads, error } = useDraftComments(agreementId);
  const tick = useEditorTick(editor);
  const [active, setActive] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const placed = useMemo<Placed[]>(() => {
    void tick;
    if (!editor || editor.isDestroyed) return threads.map((thread) => ({ thread, span: null, section: '' }));
    return threads
      .map((thread) => {
        const span = resolveAnchor(editor.state, thread);
        return { thread, span, section: span ? (sectionTitleAt(editor.state, span.from) ?? 'Uden for afsnit') : '' };
      })
      .sort((a, b) => (a.span?.from ?? 0) - (b.span?.from ?? 0));
  }, [editor, threads, tick]);

  // The open threads' text is marked in the draft.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const open = threads.filter((t) => t.status === 'OPEN').map((t) => ({ id: t.id, anchorStart: t.anchorStart, anchorEnd: t.anchorEnd, active: t.id === active }));
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, open).setMeta('addToHistory', false));
  }, [editor, threads, active]);

  const open = placed.filter((p) => p.thread.status === 'OPEN' && p.span);
  const orphaned = placed.filter((p) => p.thread.status === 'OPEN' && !p.span);
  const resolved = placed.filter((p) => p.thread.status === 'RESOLVED');
  const bySection = new Map<string, Placed[]>();
  for (const p of open) bySection.set(p.section, [...(bySection.get(p.section) ?? []), p]);

  const show = (p: Placed) => {
    setActive(p.thread.id);
    if (editor && p.span) editor.chain().setTextSelection(p.span).scrollIntoView().run();
  };

  return (
    <section className="comments-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Kommentarer</h2>
      <NewThreadForm editor={editor} agreementId={agreementId} announce={setNotice} tick={tick} />
      {error ? (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      <h3 className="comments-panel__group">Åbne ({open.length})</h3>
      {open.length === 0 && <p className="muted">Ingen åbne kommentarer.</p>}
      {[...bySection.entries()].map(([section, items]) => (
        <section key={section} className="comments-panel__section" aria-label={`Afsnit: ${section}`}>
          <h4>{section}</h4>
          <ul className="comment-threads">
            {items.map((p) => (
              <ThreadItem key={p.thread.id} placed={p} active={p.thread.id === active} onShow={() => show(p)} announce={setNotice} />
            ))}
          </ul>
        </section>
      ))}
      {orphaned.length > 0 && (
        <>
          <h3 className="comments-panel__group">Forældreløse ({orphaned.length})</h3>
          <p className="muted">Den kommenterede tekst er slettet fra udkastet.</p>
          <ul className="comment-threads">
            {orphaned.map((p) => (
              <ThreadItem key={p.thread.id} placed={p} active={false} onShow={() => setActive(p.thread.id)} announce={setNotice} />
            ))}
          </ul>
        </>
      )}
      <details className="comments-panel__resolved">
        <summary>Løste ({resolved.length})</summary>
        <ul className="comment-threads">
          {resolved.map((p) => (
            <ThreadItem key={p.thread.id} placed={p} active={false} onShow={() => show(p)} announce={setNotice} />
          ))}
        </ul>
      </details>
    </section>
  );
}

function NewThreadForm({ editor, agreementId, announce, tick }: { editor: Editor | null; agreementId: string; announce: (text: string) => void; tick: number }) {
  const fieldId = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const [create, { loading }] = useMutation(CREATE_DRAFT_COMMENT_THREAD, { refetchQueries: ['DraftCommentThreads'], awaitRefetchQueries: true });
  // The selection as it is now (recomputed on every editor transaction).
  const selection = useMemo(() => {
    void tick;
    return editor && !editor.isDestroyed ? anchorSelection(editor.state) : null;
  }, [editor, tick]);
  const [held, setHeld] = useState<ReturnType<typeof anchorSelection>>(null);
  // Typing the comment moves the focus out of the draft: keep the selection it was about.
  const target = held ?? selection;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return setProblem('Markér den tekst i udkastet, du vil kommentere.');
    if (!text.trim()) return setProblem('Skriv en kommentar.');
    try {
      await create({ variables: { input: { agreementId, ...target, text } } });
      setText('');
      setHeld(null);
      setProblem('');
      announce('Kommentaren er tilføjet.');
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  if (!target) return <p className="muted comments-panel__hint">Markér tekst i udkastet for at kommentere den.</p>;
  return (
    <form className="comment-form" onSubmit={submit} noValidate>
      <p className="comment-form__quote">
        <span className="visually-hidden">Markeret tekst: </span>»{target.quote.length > 120 ? `${target.quote.slice(0, 120)}…` : target.quote}«
      </p>
      <label htmlFor={fieldId}>Kommentar til markeringen</label>
      <textarea id={fieldId} value={text} rows={3} maxLength={5000} onFocus={() => setHeld(target)} onChange={(e) => setText(e.target.value)} />
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="comment-form__actions">
        <button type="submit" className="primary small" disabled={loading}>
          Tilføj kommentar
        </button>
        <button
          type="button"
          className="small"
          onClick={() => {
            setHeld(null);
            setText('');
            setProblem('');
            editor?.commands.setTextSelection(editor.state.selection.to);
          }}
        >
          Annullér
        </button>
      </div>
    </form>
  );
}

function ThreadItem({ placed, active, onShow, announce }: { placed: Placed; active: boolean; onShow: () => void; announce: (text: string) => void }) {
  const { thread } = placed;
  const replyId = useId();
  const [reply, setReply] = useState('');
  const [problem, setProblem] = useState('');
  const options = { refetchQueries: ['DraftCommentThreads'], awaitRefetchQueries: true };
  const [sendReply, replying] = useMutation(REPLY_TO_DRAFT_COMMENT_THREAD, options);
  const [resolve, resolving] = useMutation(RESOLVE_DRAFT_COMMENT_THREAD, options);
  const [reopen, reopening] = useMutation(REOPEN_DRAFT_COMMENT_THREAD, options);
  const resolvedNow = thread.status === 'RESOLVED';
  const first = thread.comments[0];

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setProblem('');
      announce(done);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const submitReply = async (event: FormEvent) => {
    event.preventDefault();
    if (!reply.trim()) return setProblem('Skriv et svar.');
    await run(async () => {
      await sendReply({ variables: { input: { threadId: thread.id, text: reply } } });
      setReply('');
    }, 'Svaret er tilføjet.');
  };

  return (
    <li className={`comment-thread${active ? ' comment-thread--active' : ''}`} aria-label={`Kommentar af ${first?.authorName ?? 'ukendt'}`}>
      <button type="button" className="comment-thread__quote" onClick={onShow} disabled={!placed.span} title={placed.span ? 'Vis i teksten' : undefined}>
        »{thread.quote}«
      </button>
      <ol className="comment-thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <p className="comment-thread__meta">
              <strong>{comment.authorName}</strong>, {comment.organisationName} · <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
            </p>
            <p className="comment-thread__text">{comment.text}</p>
          </li>
        ))}
      </ol>
      {resolvedNow && thread.resolvedByName && <p className="muted">Løst af {thread.resolvedByName}</p>}
      <form className="comment-form comment-form--reply" onSubmit={submitReply} noValidate>
        <label htmlFor={replyId} className="visually-hidden">
          Svar på kommentaren
        </label>
        <textarea id={replyId} value={reply} rows={2} maxLength={5000} placeholder="Svar…" onChange={(e) => setReply(e.target.value)} />
        <div className="comment-form__actions">
          <button type="submit" className="primary small" disabled={replying.loading}>
            Svar
          </button>
          {resolvedNow ? (
            <button type="button" className="small" disabled={reopening.loading} onClick={() => run(() => reopen({ variables: { threadId: thread.id } }), 'Tråden er genåbnet.')}>
              Genåbn
            </button>
          ) : (
            <button type="button" className="small" disabled={resolving.loading} onClick={() => run(() => resolve({ variables: { threadId: thread.id } }), 'Tråden er løst.')}>
              Løs
            </button>
          )}
        </div>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

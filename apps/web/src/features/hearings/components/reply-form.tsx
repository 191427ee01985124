import { useMutation } from '@apollo/client/react';
import { FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { HearingComment, REPLY_TO_COMMENT } from '../graphql/hearings';
import { DraftBlockInfo } from '../lib/draft';
import { OUTCOME_LABELS, OUTCOMES } from '../lib/labels';
import type { CommentOutcome } from '../../../gql/graphql';
import { CommentChange } from '../../letters/components/comment-change';

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('da') + text.slice(1);

/** The secretariat's reply to one comment: the answer, the outcome and, optionally, the block that changed. */
export function ReplyForm({ comment, blocks, organisationName }: { comment: HearingComment; blocks: DraftBlockInfo[]; organisationName: string }) {
  const id = useId();
  // The form is open while the comment has no reply, while the secretariat edits its reply
  // ("Ret svaret"), and while what it has begun to write is unsaved. A reply given elsewhere (to
  // a campaign, a theme or a selection) so shows at once, and never takes away words being written.
  const [opened, setOpened] = useState(false);
  const [writing, setWriting] = useState(false);
  const editing = opened || writing || !comment.reply;
  const setEditing = (open: boolean) => {
    setOpened(open);
    if (!open) setWriting(false);
  };
  const write = (change: () => void) => {
    change();
    setWriting(true);
  };
  const [reply, setReply] = useState(comment.reply ?? '');
  const [outcome, setOutcome] = useState<CommentOutcome | ''>(comment.outcome ?? '');
  const [changed, setChanged] = useState(comment.changedBlockId ?? '');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [save, { loading }] = useMutation(REPLY_TO_COMMENT, { refetchQueries: ['HearingCommentFacets'] });
  // Where focus goes when the form opens or closes (the control that was used disappears).
  const [focusTarget, setFocusTarget] = useState<'form' | 'shown' | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const replyField = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusTarget === 'form') replyField.current?.focus();
    if (focusTarget === 'shown') editButton.current?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const startEditing = () => {
    setReply(comment.reply ?? '');
    setOutcome(comment.outcome ?? '');
    setChanged(comment.changedBlockId ?? '');
    setProblem(null);
    setStatus('');
    setEditing(true);
    setFocusTarget('form');
  };

  // The blocks by section, for the "ændret afsnit" choice.
  const sections = useMemo(() => {
    const map = new Map<string, DraftBlockInfo[]>();
    for (const block of blocks) {
      const key = block.sectionTitle ?? 'Uden overskrift';
      map.set(key, [...(map.get(key) ?? []), block]);
    }
    return [...map.entries()];
  }, [blocks]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!reply.trim()) return setProblem('Skriv sekretariatets svar.');
    if (!outcome) return setProblem('Vælg et udfald.');
    setStatus('Gemmer svaret…');
    try {
      await save({ variables: { input: { commentId: comment.id, reply: reply.trim(), outcome, changedBlockId: changed || null } } });
      setStatus(`Svaret er gemt: ${OUTCOME_LABELS[outcome]}.`);
      setEditing(false);
      setFocusTarget('shown');
    } catch (caught) {
      setStatus('');
      setProblem(errorMessage(caught));
    }
  }

  const changedBlock = blocks.find((b) => b.blockId === comment.changedBlockId);
  return (
    <div className="hd-reply">
      {!editing && comment.reply ? (
        <div className="hd-reply__shown">
          <p className="hd-reply__label">Sekretariatets svar</p>
          <p className="hd-reply__text">{comment.reply}</p>
          {changedBlock && <p className="hd-hint">Ændret afsnit: {capitalise(changedBlock.label)}</p>}
          <CommentChange commentId={comment.id} />
          <button type="button" ref={editButton} className="hd-link-button" onClick={startEditing}>
            Ret svaret<span className="visually-hidden"> til {organisationName}</span>
          </button>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label={`Svar til ${organisationName}`}>
          <label htmlFor={`${id}-reply`}>Sekretariatets svar</label>
          <textarea ref={replyField} id={`${id}-reply`} value={reply} onChange={(e) => write(() => setReply(e.target.value))} rows={3} maxLength={20_000} />
          <div className="hd-reply__row">
            <div>
              <label htmlFor={`${id}-outcome`}>Udfald</label>
              <select id={`${id}-outcome`} value={outcome} onChange={(e) => write(() => setOutcome(e.target.value as CommentOutcome | ''))}>
                <option value="">Vælg udfald</option>
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {OUTCOME_LABELS[o]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-changed`}>Ændret afsnit (valgfrit)</label>
              <select id={`${id}-changed`} value={changed} onChange={(e) => write(() => setChanged(e.target.value))}>
                <option value="">Intet afsnit ændret</option>
                {sections.map(([title, list]) => (
                  <optgroup key={title} label={title}>
                    {list.map((block) => (
                      <option key={block.blockId} value={block.blockId}>
                        {capitalise(block.label)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          </div>
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          <div className="hd-actions">
            <button type="submit" className="primary small" disabled={loading}>
              Gem svar
            </button>
            {comment.reply && (
              <button
                type="button"
                className="small"
                onClick={() => {
                  setEditing(false);
                  setFocusTarget('shown');
                }}
              >
                Fortryd
              </button>
            )}
          </div>
        </form>
      )}
      <p className="hd-status-line" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

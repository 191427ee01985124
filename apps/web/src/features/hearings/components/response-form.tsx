import { useMutation } from '@apollo/client/react';
import type { JSONContent } from '@aftalerum/editor';
import { ChangeEvent, FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { print } from 'graphql';
import { errorMessage } from '../../../lib/apollo';
import { csrfHeaders } from '../../auth/lib/session';
import { HEARING, HearingDetail, HearingResponse, SAVE_RESPONSE_DRAFT, SUBMIT_RESPONSE } from '../graphql/hearings';
import { formatSize, MAX_ATTACHMENTS, UploadedAttachment, useAttachmentUpload } from '../hooks/use-attachments';
import { Autosave } from '../lib/autosave';
import { DraftBlockInfo } from '../lib/draft';
import { plural } from '../lib/labels';
import { draftContent, restoreDraft, type SavedComment, type SavedForm } from '../lib/response-draft';
import { formatDateTime, formatTime } from '../lib/time';
import { DraftView } from './draft-view';

interface CommentDraft extends SavedComment {
  key: string;
}

const AUTOSAVE_DELAY_MS = 2_500;

/** A random id; crypto.randomUUID where the browser offers it (secure contexts). */
function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The selected text, when the selection lies within the block's text. */
function selectedQuote(blockId: string): string {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const container = document.querySelector(`[data-quote-block="${CSS.escape(blockId)}"]`);
  if (!container || !selection.anchorNode || !selection.focusNode) return '';
  if (!container.contains(selection.anchorNode) || !container.contains(selection.focusNode)) return '';
  return selection.toString().trim().slice(0, 2000);
}

interface Props {
  hearing: HearingDetail;
  doc: JSONContent;
  blocks: DraftBlockInfo[];
  organisation: { id: string; name: string };
  onSubmitted: (response: HearingResponse) => void;
}

/**
 * The invited organisation's response: comments anchored to paragraphs and headings of the
 * hearing draft (optionally quoting a selected span), a general summary, attachments and the
 * consent to publish. The form is saved as a draft a moment after typing stops, and submitted
 * with one idempotency key per form, so a retry or a double click gives one receipt.
 */
export function ResponseForm({ hearing, doc, blocks, organisation, onSubmitted }: Props) {
  const id = useId();
  const blockMap = useMemo(() => new Map(blocks.map((b) => [b.blockId, b])), [blocks]);
  const [restored] = useState(() => restoreDraft(hearing.myDraft, blockMap));
  const [summary, setSummary] = useState(restored?.summary ?? '');
  const [publish, setPublish] = useState(restored?.publish ?? false);
  const [comments, setComments] = useState<CommentDraft[]>(() => (restored?.comments ?? []).map((c) => ({ ...c, key: randomId() })));
  const [attachments, setAttachments] = useState<UploadedAttachment[]>(restored?.attachments ?? []);
  const [idempotencyKey] = useState(randomId);
  const [saveStatus, setSaveStatus] = useState(restored?.savedAt ? `Kladden fra ${formatDateTime(restored.savedAt)} er hentet frem.` : '');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [saveDraft] = useMutation(SAVE_RESPONSE_DRAFT);
  const [submit, submitting] = useMutation(SUBMIT_RESPONSE, { refetchQueries: [{ query: HEARING, variables: { id: hearing.id } }] });
  const { upload, uploading, problems: uploadProblems } = useAttachmentUpload();
  const fileInput = useRef<HTMLInputElement>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);
  const pendingQuote = useRef<{ blockId: string; quote: string } | null>(null);

  // ——— Autosave ———
  const form: Omit<SavedForm, 'savedAt'> = useMemo(
    () => ({ v: 1, summary, publish, comments: comments.map(({ blockId, quote, text }) => ({ blockId, quote, text })), attachments }),
    [summary, publish, comments, attachments],
  );
  const [autosave] = useState(() => new Autosave<Omit<SavedForm, 'savedAt'>, string | undefined>(form, { save: async () => undefined, send: () => undefined }, AUTOSAVE_DELAY_MS));
  const draftInput = (saved: Omit<SavedForm, 'savedAt'>) => ({ input: { hearingId: hearing.id, organisationId: organisation.id, content: draftContent(saved) } });
  autosave.handlers = {
    save: async (saved) => (await saveDraft({ variables: draftInput(saved) })).data?.saveHearingResponseDraft,
    // Unsaved changes still go to the server when the page is left (tab closed, reload, another screen).
    send: (saved) => {
      void fetch('/graphql', {
        method: 'POST',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...csrfHeaders() },
        body: JSON.stringify({ query: print(SAVE_RESPONSE_DRAFT), variables: draftInput(saved) }),
      }).catch(() => undefined);
    },
    onSaving: setSaving,
    onSaved: (at) => setSaveStatus(`Kladde gemt kl. ${formatTime(at ? new Date(at) : new Date())}`),
    onFailed: (caught) => setSaveStatus(`Kladden blev ikke gemt: ${errorMessage(caught)}`),
  };

  // Saves a moment after the last change (not on the first render, nor when nothing changed).
  useEffect(() => autosave.change(form), [autosave, form]);

  useEffect(() => {
    autosave.start();
    const flush = () => autosave.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      autosave.dispose();
    };
  }, [autosave]);

  // ——— Comments ———
  useEffect(() => {
    if (!focusKey) return;
    document.getElementById(`${id}-comment-${focusKey}`)?.focus();
    setFocusKey(null);
  }, [focusKey, id]);

  // Comments are kept in the order of the draft (the order of the response and its numbers).
  const position = useMemo(() => new Map(blocks.map((b, index) => [b.blockId, index])), [blocks]);
  const addComment = (block: DraftBlockInfo, quote: string) => {
    const key = randomId();
    setComments((list) =>
      [...list, { key, blockId: block.blockId, quote, text: '' }].sort((a, b) => (position.get(a.blockId) ?? 0) - (position.get(b.blockId) ?? 0)),
    );
    setFocusKey(key);
  };
  const updateComment = (key: string, patch: Partial<CommentDraft>) => setComments((list) => list.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const removeComment = (comment: CommentDraft) => {
    setComments((list) => list.filter((c) => c.key !== comment.key));
    document.getElementById(`${id}-add-${comment.blockId}`)?.focus();
  };

  // ——— Attachments ———
  async function onFiles(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    const room = MAX_ATTACHMENTS - attachments.length;
    const added = await upload(files.slice(0, Math.max(0, room)));
    setAttachments((list) => [...list, ...added]);
  }

  // ——— Submit ———
  const commentProblems = comments
    .map((c, index) => {
      const block = blockMap.get(c.blockId);
      if (c.quote.trim() && block && !block.text.includes(c.quote.trim())) return `Citatet i kommentar ${index + 1} findes ikke i ${block.label}. Ret eller fjern citatet.`;
      return null;
    })
    .filter((p): p is string => Boolean(p));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const empty = comments.findIndex((c) => !c.text.trim());
    const fail = (message: string) => {
      setProblem(message);
      window.setTimeout(() => problemRef.current?.focus(), 0);
    };
    if (empty >= 0) return fail(`Kommentar ${empty + 1} er tom. Skriv kommentaren, eller fjern den.`);
    if (commentProblems.length) return fail(commentProblems[0]);
    if (!summary.trim() && comments.length === 0) return fail('Skriv generelle bemærkninger, eller kommentér mindst ét afsnit, før I indsender.');
    await autosave.beginSubmit();
    try {
      const result = await submit({
        variables: {
          input: {
            hearingId: hearing.id,
            organisationId: organisation.id,
            idempotencyKey,
            summary: summary.trim() || null,
            comments: comments.map((c) => ({ blockId: c.blockId, quote: c.quote.trim() || null, text: c.text.trim() })),
            publish,
            attachmentIds: attachments.map((a) => a.id),
          },
        },
      });
      if (result.data) onSubmitted(result.data.submitHearingResponse);
    } catch (caught) {
      autosave.cancelSubmit();
      fail(errorMessage(caught));
    }
  }

  const commentsOn = (blockId: string) => comments.filter((c) => c.blockId === blockId);
  const busy = submitting.loading || uploading !== null;

  return (
    <div className="hd-respond">
      <div className="hd-respond__draft">
        <h2 id={`${id}-draft`} className="hd-respond__heading">
          Høringsudkastet
        </h2>
        <p className="hd-hint hd-respond__howto">
          Tryk <strong>Kommentér</strong> ud for det afsnit eller den overskrift, I vil kommentere. Markér først en del af teksten, hvis I vil citere den.
        </p>
        <div className="hd-paper">
          <DraftView
            doc={doc}
            blocks={blockMap}
            label={`Høringsudkastet, version ${hearing.version.number}: ${hearing.version.label}`}
            blockClass={(block) => (commentsOn(block.blockId).length ? 'hd-block--commented' : undefined)}
            renderAside={(block) => (
              <button
                type="button"
                id={`${id}-add-${block.blockId}`}
                className="hd-comment-button"
                aria-label={`Kommentér ${block.label}`}
                onMouseDown={() => (pendingQuote.current = { blockId: block.blockId, quote: selectedQuote(block.blockId) })}
                onClick={() => {
                  const quote = pendingQuote.current?.blockId === block.blockId ? pendingQuote.current.quote : selectedQuote(block.blockId);
                  pendingQuote.current = null;
                  addComment(block, quote);
                }}
              >
                Kommentér
              </button>
            )}
            renderAfter={(block) => {
              const mine = commentsOn(block.blockId);
              if (mine.length === 0) return null;
              return (
                <div className="hd-comment-fields">
                  {mine.map((comment) => {
                    const number = comments.indexOf(comment) + 1;
                    const quoteMissing = comment.quote.trim() !== '' && !block.text.includes(comment.quote.trim());
                    return (
                      <fieldset key={comment.key} className="hd-comment-field">
                        <legend>
                          Kommentar {number}
                          <span className="visually-hidden"> til {block.label}</span>
                        </legend>
                        <label htmlFor={`${id}-comment-${comment.key}`}>
                          Kommentar<span className="visually-hidden"> til {block.label}</span>
                        </label>
                        <textarea
                          id={`${id}-comment-${comment.key}`}
                          value={comment.text}
                          onChange={(e) => updateComment(comment.key, { text: e.target.value })}
                          rows={3}
                          maxLength={20_000}
                        />
                        <label htmlFor={`${id}-quote-${comment.key}`}>Citat fra teksten (valgfrit)</label>
                        <input
                          id={`${id}-quote-${comment.key}`}
                          value={comment.quote}
                          onChange={(e) => updateComment(comment.key, { quote: e.target.value })}
                          maxLength={2000}
                          aria-invalid={quoteMissing || undefined}
                          aria-describedby={`${id}-quote-hint-${comment.key}`}
                        />
                        <p id={`${id}-quote-hint-${comment.key}`} className={quoteMissing ? 'error hd-hint' : 'hd-hint'}>
                          {quoteMissing ? 'Citatet findes ikke i afsnittet. Ret det, eller lad feltet stå tomt.' : 'Et uddrag af afsnittet, som kommentaren handler om.'}
                        </p>
                        <button type="button" className="hd-link-button" onClick={() => removeComment(comment)}>
                          Fjern kommentar {number}
                        </button>
                      </fieldset>
                    );
                  })}
                </div>
              );
            }}
          />
        </div>
      </div>

      <form className="card hd-respond__panel" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-panel`}>
        <h2 id={`${id}-panel`}>Jeres høringssvar</h2>
        <p className="hd-hint">Afgives på vegne af {organisation.name}.</p>
        <p className="hd-respond__count" aria-live="polite">
          {comments.length === 0 ? 'Ingen kommentarer til afsnit endnu.' : `${plural(comments.length, 'kommentar', 'kommentarer')} til udkastet.`}
        </p>
        {comments.length > 0 && (
          <ol className="hd-respond__toc">
            {comments.map((comment) => (
              <li key={comment.key}>
                <a href={`#${id}-comment-${comment.key}`}>{blockMap.get(comment.blockId)?.label ?? 'Afsnit'}</a>
              </li>
            ))}
          </ol>
        )}

        <label htmlFor={`${id}-summary`}>Generelle bemærkninger</label>
        <textarea
          id={`${id}-summary`}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          rows={6}
          maxLength={50_000}
          aria-describedby={`${id}-summary-hint`}
        />
        <p id={`${id}-summary-hint`} className="hd-hint">
          Et resumé af jeres høringssvar eller bemærkninger til aftalen som helhed.
        </p>

        <fieldset className="hd-attachments">
          <legend>Bilag</legend>
          <p className="hd-hint" id={`${id}-files-hint`}>
            PDF eller Word (.docx), højst 20 MB pr. fil.
          </p>
          {attachments.length > 0 && (
            <ul className="hd-attachments__list">
              {attachments.map((a) => (
                <li key={a.id}>
                  <span>
                    {a.filename} <span className="muted">({formatSize(a.size)})</span>
                  </span>
                  <button type="button" className="hd-link-button" onClick={() => setAttachments((list) => list.filter((x) => x.id !== a.id))}>
                    Fjern<span className="visually-hidden"> {a.filename}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <label htmlFor={`${id}-files`} className="hd-file-label">
            Vedhæft bilag
          </label>
          <input
            ref={fileInput}
            id={`${id}-files`}
            type="file"
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            multiple
            onChange={(e) => void onFiles(e)}
            disabled={uploading !== null || attachments.length >= MAX_ATTACHMENTS}
            aria-describedby={`${id}-files-hint`}
          />
          <p className="hd-hint" role="status" aria-live="polite">
            {uploading ? `Vedhæfter ${uploading}…` : ''}
          </p>
          {uploadProblems.length > 0 && (
            <div className="error" role="alert">
              {uploadProblems.map((p) => (
                <p key={p}>{p}</p>
              ))}
            </div>
          )}
        </fieldset>

        <label className="hd-check hd-consent">
          <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} aria-describedby={`${id}-publish-hint`} />
          Må offentliggøres, når høringen er afsluttet
        </label>
        <p id={`${id}-publish-hint`} className="hd-hint">
          Offentliggøres med organisationens navn – aldrig med navne på personer eller e-mailadresser.
        </p>

        {problem && (
          <p className="error hd-problem" role="alert" ref={problemRef} tabIndex={-1}>
            {problem}
          </p>
        )}
        <div className="hd-respond__actions">
          <button type="submit" className="primary" disabled={busy}>
            {submitting.loading ? 'Indsender…' : 'Indsend høringssvar'}
          </button>
          <p className="hd-autosave">
            <span aria-hidden="true" className="hd-autosave__busy">
              {saving ? 'Gemmer kladde… ' : ''}
            </span>
            <span role="status" aria-live="polite">
              {saveStatus}
            </span>
          </p>
        </div>
        <p className="hd-hint">Kladden gemmes automatisk, mens I skriver. Den kan kun ses af dig, indtil du indsender.</p>
      </form>
    </div>
  );
}

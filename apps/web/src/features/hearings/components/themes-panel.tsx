import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useId, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { HEARING_THEME_COMMENTS, HEARING_THEMES, MERGE_THEMES, MOVE_COMMENTS, RENAME_THEME, REPLY_TO_COMMENTS, ReplyTemplate, ThemeSummary } from '../graphql/themes';
import { OUTCOME_LABELS } from '../lib/labels';
import { BulkReplyForm } from './bulk-reply-form';
import { CampaignsPanel } from './campaigns-panel';

/** While the analysis has not yet seen every response, the panel asks again this often. */
const PENDING_POLL_MS = 2_000;
// The comments a reply changes come back with it (the list's copies update by id); the counts and
// the heat map (HearingCommentFacets) are the server's, so they are asked for again.
const REFRESH = ['HearingThemes', 'HearingThemeComments', 'HearingCommentFacets'];
const number = (n: number) => n.toLocaleString('da-DK');

/**
 * "Temaer": the hearing's comments grouped by what they are about (computed when responses
 * arrive). The secretariat renames, merges and moves comments between themes, and answers a
 * whole theme or the comments it selects with one reply, from a saved template if it likes.
 * The campaigns ("Kampagner") sit beside it.
 */
export function ThemesPanel({ hearingId, responseCount }: { hearingId: string; responseCount: number }) {
  const id = useId();
  const { data, error } = useQuery(HEARING_THEMES, { variables: { id: hearingId } });
  const analysis = data?.hearing?.analysis ?? null;
  const pending = responseCount > 0 && (!analysis || analysis.responseCount < responseCount);
  useQuery(HEARING_THEMES, { variables: { id: hearingId }, pollInterval: pending ? PENDING_POLL_MS : 0, skip: !pending, fetchPolicy: 'network-only' });
  const themes = data?.hearing?.themes ?? [];
  const templates = data?.hearing?.replyTemplates ?? [];
  const [merging, setMerging] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [merge] = useMutation(MERGE_THEMES, { refetchQueries: REFRESH });

  async function onMerge() {
    setProblem(null);
    try {
      const result = await merge({ variables: { input: { themeIds: merging } } });
      setStatus(`Temaerne er lagt sammen i »${result.data?.mergeHearingThemes.label}«.`);
      setMerging([]);
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  }

  return (
    <>
      <section className="card hd-themes" aria-labelledby={`${id}-title`}>
        <div className="hd-section-head">
          <h2 id={`${id}-title`}>Temaer ({themes.length})</h2>
          <span className="hd-live">{pending ? 'Temaerne opdateres…' : analysis ? `${number(analysis.commentCount)} kommentarer gennemgået` : ''}</span>
        </div>
        {error && (
          <p className="error" role="alert">
            {errorMessage(error)}
          </p>
        )}
        {data && themes.length === 0 && <p className="muted">{pending ? 'Kommentarerne grupperes i temaer…' : 'Der er ingen kommentarer at gruppere endnu.'}</p>}
        {merging.length >= 2 && (
          <div className="hd-actions">
            <button type="button" className="small" onClick={() => void onMerge()}>
              Læg {merging.length} valgte temaer sammen
            </button>
          </div>
        )}
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <p className="hd-status-line" role="status" aria-live="polite">
          {status}
        </p>
        <ul className="hd-theme-list">
          {themes.map((theme) => (
            <ThemeItem
              key={theme.id}
              hearingId={hearingId}
              theme={theme}
              themes={themes}
              templates={templates}
              selected={merging.includes(theme.id)}
              onSelect={(on) => setMerging((current) => (on ? [...current, theme.id] : current.filter((t) => t !== theme.id)))}
            />
          ))}
        </ul>
      </section>
      <CampaignsPanel hearingId={hearingId} templates={templates} />
    </>
  );
}

function ThemeItem({
  hearingId,
  theme,
  themes,
  templates,
  selected,
  onSelect,
}: {
  hearingId: string;
  theme: ThemeSummary;
  themes: ThemeSummary[];
  templates: ReplyTemplate[];
  selected: boolean;
  onSelect(on: boolean): void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <li className="hd-theme">
      <div className="hd-theme__head">
        <input type="checkbox" id={`${id}-merge`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
        <label htmlFor={`${id}-merge`} className="visually-hidden">
          Vælg temaet {theme.label} til sammenlægning
        </label>
        <h3 className="hd-theme__label">
          <button type="button" className="hd-link-button" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
            {theme.label}
          </button>
        </h3>
        <span className="muted">
          {number(theme.size)} kommentarer · {number(theme.answered)} af {number(theme.size)} besvaret
        </span>
      </div>
      {theme.terms.length > 0 && <p className="hd-hint">Nøgleord: {theme.terms.join(', ')}</p>}
      {open && (
        <div id={`${id}-body`}>
          <ThemeBody hearingId={hearingId} theme={theme} themes={themes} templates={templates} />
        </div>
      )}
    </li>
  );
}

function ThemeBody({ hearingId, theme, themes, templates }: { hearingId: string; theme: ThemeSummary; themes: ThemeSummary[]; templates: ReplyTemplate[] }) {
  const id = useId();
  const client = useApolloClient();
  const { data, error } = useQuery(HEARING_THEME_COMMENTS, { variables: { id: hearingId, themeId: theme.id } });
  const comments = data?.hearing?.themes[0]?.comments ?? [];
  // The analysis ran again on new responses and this theme is no longer one: the list is asked again.
  const gone = Boolean(data) && !data?.hearing?.themes[0];
  useEffect(() => {
    if (gone) void client.refetchQueries({ include: ['HearingThemes'] });
  }, [gone, client]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [label, setLabel] = useState(theme.label);
  const [target, setTarget] = useState('');
  const [newLabel, setNewLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [rename] = useMutation(RENAME_THEME, { refetchQueries: REFRESH });
  const [move] = useMutation(MOVE_COMMENTS, { refetchQueries: REFRESH });
  const [reply] = useMutation(REPLY_TO_COMMENTS, { refetchQueries: REFRESH });

  const act = async (work: () => Promise<string>) => {
    setProblem(null);
    try {
      setStatus(await work());
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  };

  const onRename = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await rename({ variables: { input: { themeId: theme.id, label: label.trim() } } });
      return `Temaet hedder nu »${label.trim()}«.`;
    });
  };

  const onMove = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen.length) return setProblem('Vælg de kommentarer, der skal flyttes.');
    void act(async () => {
      const input = target === 'new' ? { commentIds: chosen, newThemeLabel: newLabel.trim() } : { commentIds: chosen, themeId: target || null };
      const result = await move({ variables: { input } });
      setChosen([]);
      return `${number(input.commentIds.length)} kommentarer er flyttet til »${result.data?.moveCommentsToTheme.label}«.`;
    });
  };

  const answering = chosen.length ? chosen : comments.map((c) => c.id);
  if (gone) {
    return (
      <p className="hd-theme__body muted" role="status">
        Temaerne er beregnet igen, efter nye høringssvar kom ind, og dette tema findes ikke længere. Åbn et af temaerne i listen.
      </p>
    );
  }
  return (
    <div className="hd-theme__body">
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      <form className="hd-inline" onSubmit={onRename} aria-label={`Omdøb temaet ${theme.label}`}>
        <label htmlFor={`${id}-label`}>Temaets navn</label>
        <input id={`${id}-label`} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} />
        <button type="submit" className="small">
          Omdøb
        </button>
      </form>
      <ul className="hd-theme__comments">
        {comments.map((comment) => (
          <li key={comment.id}>
            <input
              type="checkbox"
              id={`${id}-${comment.id}`}
              checked={chosen.includes(comment.id)}
              onChange={(e) => setChosen((current) => (e.target.checked ? [...current, comment.id] : current.filter((c) => c !== comment.id)))}
            />
            <label htmlFor={`${id}-${comment.id}`}>
              <strong>{comment.organisation.name}:</strong> {comment.text}
            </label>
            {comment.reply && comment.outcome && (
              <p className="hd-hint">
                Besvaret ({OUTCOME_LABELS[comment.outcome]}): {comment.reply}
              </p>
            )}
          </li>
        ))}
      </ul>
      <form className="hd-inline" onSubmit={onMove} aria-label="Flyt valgte kommentarer">
        <label htmlFor={`${id}-target`}>Flyt valgte kommentarer til</label>
        <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">Vælg tema</option>
          {themes
            .filter((t) => t.id !== theme.id)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          <option value="new">Et nyt tema…</option>
        </select>
        {target === 'new' && (
          <>
            <label htmlFor={`${id}-new`}>Det nye temas navn</label>
            <input id={`${id}-new`} value={newLabel} onChange={(e) => setNewLabel(e.target.value)} maxLength={200} />
          </>
        )}
        <button type="submit" className="small" disabled={!chosen.length}>
          Flyt {chosen.length || ''}
        </button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <p className="hd-status-line" role="status" aria-live="polite">
        {status}
      </p>
      <BulkReplyForm
        hearingId={hearingId}
        label={`Svar til temaet ${theme.label}`}
        submitLabel={chosen.length ? `Besvar ${number(chosen.length)} valgte kommentarer` : `Besvar alle ${number(comments.length)} kommentarer i temaet`}
        // Until the theme's comments have come, "all" would be none.
        disabled={!data}
        templates={templates}
        onReply={async (text, outcome) => {
          await reply({ variables: { input: { commentIds: answering, reply: text, outcome } } });
          setChosen([]);
          return `Svaret er gemt på ${number(answering.length)} kommentarer.`;
        }}
      />
    </div>
  );
}

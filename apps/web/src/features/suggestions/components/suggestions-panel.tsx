import { pendingSuggestions, PendingSuggestion } from '@aftalerum/editor';
import { useMutation } from '@apollo/client/react';
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useId, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { colorForUser } from '../../../lib/user-color';
import { DECIDE_SUGGESTIONS } from '../graphql/suggestions';

interface AuthorGroup {
  authorId: string;
  authorName: string;
  organisation: string;
  suggestions: PendingSuggestion[];
}

const byAuthor = (suggestions: PendingSuggestion[]): AuthorGroup[] => {
  const groups = new Map<string, AuthorGroup>();
  for (const s of suggestions) {
    const group = groups.get(s.authorId) ?? { authorId: s.authorId, authorName: s.authorName || 'Ukendt', organisation: s.organisation, suggestions: [] };
    group.suggestions.push(s);
    groups.set(s.authorId, group);
  }
  return [...groups.values()];
};

const summary = (s: PendingSuggestion): string =>
  [s.deleted && `slettet: “${s.deleted.trim()}”`, s.inserted && `indsat: “${s.inserted.trim()}”`].filter(Boolean).join(', ') || 'tom ændring';

/**
 * The pending suggested changes of the live draft, by author. The secretariat accepts or
 * rejects one, or all of one author's ("Godkend alle fra …"); the decision is made on the
 * server's live document, so every editor sees it at once.
 */
export function SuggestionsPanel({ editor, agreementId, canDecide }: { editor: Editor; agreementId: string; canDecide: boolean }) {
  const titleId = useId();
  const pending = useEditorState({ editor, selector: ({ editor: e }) => JSON.stringify(pendingSuggestions(e.getJSON())) });
  const suggestions = JSON.parse(pending) as PendingSuggestion[];
  // The suggestions the secretariat has selected text of in the draft ("a selection").
  const selected = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { from, to, empty } = e.state.selection;
      if (empty) return '';
      const ids = new Set<string>();
      e.state.doc.nodesBetween(from, to, (node) => {
        for (const mark of node.marks) if (mark.type.name === 'insertion' || mark.type.name === 'deletion') ids.add(String(mark.attrs.id));
      });
      return [...ids].sort().join(' ');
    },
  });
  const selectedIds = selected ? selected.split(' ') : [];
  const [decide, { loading }] = useMutation(DECIDE_SUGGESTIONS);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  const run = async (ids: string[], accept: boolean, what: string) => {
    setError(null);
    try {
      await decide({ variables: { input: { agreementId, suggestionIds: ids, accept } } });
      setStatus(`${what} ${accept ? 'godkendt' : 'afvist'}.`);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <section className="suggestions-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Forslag til ændringer ({suggestions.length})</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {suggestions.length === 0 && <p className="muted">Ingen forslag venter.</p>}
      {canDecide && selectedIds.length > 0 && (
        <p className="suggestions-panel__all">
          <button type="button" disabled={loading} onClick={() => run(selectedIds, true, 'Forslagene i markeringen er')}>
            Godkend forslag i markeringen ({selectedIds.length})
          </button>
          <button type="button" disabled={loading} onClick={() => run(selectedIds, false, 'Forslagene i markeringen er')}>
            Afvis forslag i markeringen ({selectedIds.length})
          </button>
        </p>
      )}
      {byAuthor(suggestions).map((group) => (
        <section key={group.authorId} className="suggestions-panel__author" aria-label={`Forslag fra ${group.authorName}`}>
          <h3>
            <span className="suggestions-panel__swatch" style={{ backgroundColor: colorForUser(group.authorId) }} aria-hidden="true" />
            {group.authorName}
            {group.organisation && <span className="muted"> · {group.organisation}</span>}
          </h3>
          {canDecide && group.suggestions.length > 1 && (
            <p className="suggestions-panel__all">
              <button type="button" disabled={loading} onClick={() => run(group.suggestions.map((s) => s.id), true, `Alle forslag fra ${group.authorName} er`)}>
                Godkend alle fra {group.authorName}
              </button>
              <button type="button" disabled={loading} onClick={() => run(group.suggestions.map((s) => s.id), false, `Alle forslag fra ${group.authorName} er`)}>
                Afvis alle fra {group.authorName}
              </button>
            </p>
          )}
          <ul className="suggestions-panel__list">
            {group.suggestions.map((s) => (
              <li key={s.id} className="suggestion-item">
                <p className="suggestion-item__text">{summary(s)}</p>
                {canDecide && (
                  <p className="suggestion-item__actions">
                    <button type="button" disabled={loading} aria-label={`Godkend forslag fra ${group.authorName}: ${summary(s)}`} onClick={() => run([s.id], true, 'Forslaget er')}>
                      Godkend
                    </button>
                    <button type="button" disabled={loading} aria-label={`Afvis forslag fra ${group.authorName}: ${summary(s)}`} onClick={() => run([s.id], false, 'Forslaget er')}>
                      Afvis
                    </button>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

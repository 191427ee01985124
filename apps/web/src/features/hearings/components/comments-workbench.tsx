import { useQuery } from '@apollo/client/react';
import type { JSONContent } from '@aftalerum/editor';
import { FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import {
  BlockCommentCount,
  CommentFilter,
  HEARING_COMMENTS,
  HearingComment,
  HearingResponse,
  Invitation,
} from '../graphql/hearings';
import { DraftBlockInfo } from '../lib/draft';
import { KIND_GROUPS, OUTCOME_LABELS, OUTCOMES, plural } from '../lib/labels';
import { DraftView } from './draft-view';
import { ReplyForm } from './reply-form';
import type { CommentOutcome, OrganisationKind } from '../../../gql/graphql';

const EMPTY: CommentFilter = { organisationId: null, kind: null, outcome: null, unanswered: null, search: null };

/** The heat map's tint: 1, 2, 3–4, 5 or more comments. */
const heatLevel = (n: number) => (n >= 5 ? 4 : n >= 3 ? 3 : n);

interface Props {
  hearingId: string;
  doc: JSONContent;
  blocks: DraftBlockInfo[];
  counts: BlockCommentCount[];
  invitations: Invitation[];
  responses: HearingResponse[];
}

/**
 * The secretariat's workbench: the hearing draft as a heat map (each block tinted by its
 * comments, the count in words), the filters and full-text search, and every comment with its
 * reply form.
 */
export function CommentsWorkbench({ hearingId, doc, blocks, counts, invitations, responses }: Props) {
  const id = useId();
  const [filter, setFilter] = useState<CommentFilter>(EMPTY);
  const [search, setSearch] = useState('');
  const [blockFilter, setBlockFilter] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const { data, previousData, loading, error } = useQuery(HEARING_COMMENTS, { variables: { id: hearingId, ...filter } });
  const blockMap = useMemo(() => new Map(blocks.map((b) => [b.blockId, b])), [blocks]);
  const countMap = useMemo(() => new Map(counts.map((c) => [c.blockId, c])), [counts]);
  const references = useMemo(() => new Map(responses.map((r) => [r.id, r.reference])), [responses]);
  const total = responses.reduce((sum, r) => sum + r.comments.length, 0);

  // Search as the person types, a moment after the last key.
  useEffect(() => {
    const timer = window.setTimeout(() => setFilter((f) => (f.search === (search.trim() || null) ? f : { ...f, search: search.trim() || null })), 400);
    return () => window.clearTimeout(timer);
  }, [search]);

  const organisations = useMemo(() => {
    const map = new Map<string, string>();
    for (const i of invitations) map.set(i.organisationId, i.organisationName);
    for (const r of responses) map.set(r.organisation.id, r.organisation.name);
    return [...map.entries()].sort((a, b) => a[1].localeCompare(b[1], 'da'));
  }, [invitations, responses]);

  const comments: HearingComment[] = (data ?? previousData)?.hearing?.comments ?? [];
  const shown = blockFilter ? comments.filter((c) => c.blockId === blockFilter) : comments;
  const filtered = blockFilter !== null || Object.values(filter).some((v) => v !== null);

  const showBlock = (blockId: string) => {
    setBlockFilter(blockId);
    listHeading.current?.focus();
  };
  const reset = () => {
    setFilter(EMPTY);
    setSearch('');
    setBlockFilter(null);
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setFilter((f) => ({ ...f, search: search.trim() || null }));
  };

  return (
    <section className="hd-workbench" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="hd-workbench__title">
        Kommentarer til høringsudkastet
      </h2>
      <div className="hd-workbench__grid">
        <div className="hd-workbench__draft card">
          <h3 className="hd-subheading">Varmekort</h3>
          <p className="hd-hint">Farven viser, hvor mange kommentarer hvert afsnit har fået. Tryk på antallet for at se kommentarerne.</p>
          <ul className="hd-heat-legend" aria-label="Farveforklaring">
            <li>
              <span className="hd-heat-swatch hd-heat--1" aria-hidden="true" /> 1
            </li>
            <li>
              <span className="hd-heat-swatch hd-heat--2" aria-hidden="true" /> 2
            </li>
            <li>
              <span className="hd-heat-swatch hd-heat--3" aria-hidden="true" /> 3–4
            </li>
            <li>
              <span className="hd-heat-swatch hd-heat--4" aria-hidden="true" /> 5 eller flere
            </li>
          </ul>
          <div className="hd-paper hd-paper--compact">
            <DraftView
              doc={doc}
              blocks={blockMap}
              label="Varmekort over høringsudkastet"
              blockClass={(block) => {
                const n = countMap.get(block.blockId)?.comments ?? 0;
                return [n ? `hd-heat--${heatLevel(n)}` : '', blockFilter === block.blockId ? 'hd-block--selected' : ''].filter(Boolean).join(' ') || undefined;
              }}
              renderAside={(block) => {
                const count = countMap.get(block.blockId);
                if (!count || count.comments === 0) return null;
                return (
                  <button
                    type="button"
                    className="hd-heat-count"
                    aria-pressed={blockFilter === block.blockId}
                    aria-label={`${plural(count.comments, 'kommentar', 'kommentarer')}, ${count.answered} besvaret, til ${block.label}`}
                    onClick={() => (blockFilter === block.blockId ? setBlockFilter(null) : showBlock(block.blockId))}
                  >
                    {plural(count.comments, 'kommentar', 'kommentarer')}
                    <span className="hd-heat-count__answered">{count.answered} besvaret</span>
                  </button>
                );
              }}
            />
          </div>
        </div>

        <div className="hd-workbench__list">
          <form role="search" aria-label="Filtrér kommentarer" className="card hd-filters" onSubmit={onSearch} noValidate>
            <div className="hd-filters__search">
              <label htmlFor={`${id}-search`}>Søg i kommentarer</label>
              <div className="hd-filters__search-row">
                <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-describedby={`${id}-search-hint`} />
                <button type="submit">Søg</button>
              </div>
              <p id={`${id}-search-hint`} className="hd-hint">
                Søgningen finder også bøjede former af ordene.
              </p>
            </div>
            <div className="hd-filters__row">
              <div>
                <label htmlFor={`${id}-org`}>Organisation</label>
                <select id={`${id}-org`} value={filter.organisationId ?? ''} onChange={(e) => setFilter((f) => ({ ...f, organisationId: e.target.value || null }))}>
                  <option value="">Alle organisationer</option>
                  {organisations.map(([orgId, name]) => (
                    <option key={orgId} value={orgId}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`${id}-kind`}>Type</label>
                <select id={`${id}-kind`} value={filter.kind ?? ''} onChange={(e) => setFilter((f) => ({ ...f, kind: (e.target.value || null) as OrganisationKind | null }))}>
                  <option value="">Alle typer</option>
                  {KIND_GROUPS.map(([kind, label]) => (
                    <option key={kind} value={kind}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`${id}-outcome`}>Udfald</label>
                <select
                  id={`${id}-outcome`}
                  value={filter.outcome ?? ''}
                  onChange={(e) => setFilter((f) => ({ ...f, outcome: (e.target.value || null) as CommentOutcome | null }))}
                >
                  <option value="">Alle udfald</option>
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {OUTCOME_LABELS[o]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="hd-filters__foot">
              <label className="hd-check">
                <input type="checkbox" checked={filter.unanswered === true} onChange={(e) => setFilter((f) => ({ ...f, unanswered: e.target.checked || null }))} />
                Kun ubesvarede
              </label>
              {filtered && (
                <button type="button" className="hd-link-button" onClick={reset}>
                  Nulstil filtre
                </button>
              )}
            </div>
          </form>

          <div className="hd-list-head">
            <h3 ref={listHeading} tabIndex={-1} id={`${id}-list`}>
              Kommentarer
            </h3>
            <p className="hd-hint" role="status" aria-live="polite">
              {loading && !data ? 'Henter kommentarer…' : `Viser ${shown.length} af ${plural(total, 'kommentar', 'kommentarer')}.`}
            </p>
          </div>
          {blockFilter && (
            <p className="hd-note hd-block-filter">
              Kun kommentarer til {blockMap.get(blockFilter)?.label ?? 'et afsnit'}.{' '}
              <button type="button" className="hd-link-button" onClick={() => setBlockFilter(null)}>
                Vis alle afsnit
              </button>
            </p>
          )}
          {error && (
            <p className="error" role="alert">
              {errorMessage(error)}
            </p>
          )}
          {!loading && shown.length === 0 && <p className="card muted">{filtered ? 'Ingen kommentarer passer til filtrene.' : 'Der er ingen kommentarer endnu.'}</p>}
          <ul className="hd-comments" aria-labelledby={`${id}-list`}>
            {shown.map((comment) => {
              const block = comment.blockId ? blockMap.get(comment.blockId) : undefined;
              return (
                <li key={comment.id} className="hd-comment card" aria-labelledby={`${id}-c-${comment.id} ${id}-about-${comment.id}`}>
                  <div className="hd-comment__head">
                    <h4 id={`${id}-c-${comment.id}`}>{comment.organisation.name}</h4>
                    <span className="muted">{references.get(comment.responseId)}</span>
                    {comment.outcome ? (
                      <span className={`hd-outcome hd-outcome--${comment.outcome.toLowerCase()}`}>{OUTCOME_LABELS[comment.outcome]}</span>
                    ) : (
                      <span className="hd-outcome">Ubesvaret</span>
                    )}
                  </div>
                  <p className="hd-comment__about" id={`${id}-about-${comment.id}`}>
                    {block ? (
                      <>
                        Om <a href={`#blok-${block.blockId}`}>{block.label}</a>
                      </>
                    ) : (
                      'Generel kommentar'
                    )}
                  </p>
                  {comment.quote && <blockquote className="hd-quote">{comment.quote}</blockquote>}
                  <p className="hd-comment__text">{comment.text}</p>
                  <ReplyForm comment={comment} blocks={blocks} organisationName={comment.organisation.name} />
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </section>
  );
}

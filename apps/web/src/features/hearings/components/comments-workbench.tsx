import { useQuery } from '@apollo/client/react';
import type { JSONContent } from '@aftalerum/editor';
import { FormEvent, memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { CommentFilter, HEARING_COMMENT_FACETS, Invitation } from '../graphql/hearings';
import { DraftBlockInfo } from '../lib/draft';
import { KIND_GROUPS, OUTCOME_LABELS, OUTCOMES, plural } from '../lib/labels';
import { CommentList, EMPTY_FILTER } from './comment-list';
import { Deferred } from './deferred';
import { DraftView } from './draft-view';
import type { CommentOutcome, OrganisationKind } from '../../../gql/graphql';

const EMPTY = EMPTY_FILTER;

/** The heat map's tint: 1, 2, 3–4, 5 or more comments. */
const heatLevel = (n: number) => (n >= 5 ? 4 : n >= 3 ? 3 : n);

/** An option's label with its count, when the count is known. */
const counted = (label: string, n: number | undefined) => (n === undefined ? label : `${label} (${n.toLocaleString('da-DK')})`);

interface Props {
  hearingId: string;
  doc: JSONContent;
  blocks: DraftBlockInfo[];
  invitations: Invitation[];
  /** Changes when a response arrives. */
  arrivals: number;
  /** Refresh the counts every 10 seconds (when the live connection is not available). */
  poll: boolean;
}

/**
 * The secretariat's workbench: the hearing draft as a heat map (each block tinted by its
 * comments, the count in words), the filters with their counts and full-text search, and the
 * comments, a page at a time, each with its reply form. Every count comes from the server's
 * aggregate queries, never from the comments loaded so far.
 */
export function CommentsWorkbench({ hearingId, doc, blocks, invitations, arrivals, poll }: Props) {
  const id = useId();
  const [filter, setFilter] = useState<CommentFilter>(EMPTY);
  const [search, setSearch] = useState('');
  const blockFilter = (filter.blockId as string | null) ?? null;
  const setBlockFilter = (blockId: string | null) => setFilter((f) => ({ ...f, blockId }));
  const listHeading = useRef<HTMLHeadingElement>(null);
  const facetsQuery = useQuery(HEARING_COMMENT_FACETS, { variables: { id: hearingId, filter }, pollInterval: poll ? 10_000 : 0 });
  const facets = (facetsQuery.data ?? facetsQuery.previousData)?.hearing?.commentConnection.facets;
  const blockMap = useMemo(() => new Map(blocks.map((b) => [b.blockId, b])), [blocks]);
  const countMap = useMemo(() => new Map((facets?.blocks ?? []).map((c) => [c.blockId, c])), [facets]);
  const kindCounts = useMemo(() => new Map((facets?.kinds ?? []).map((k) => [k.kind, k.count])), [facets]);
  const outcomeCounts = useMemo(() => new Map((facets?.outcomes ?? []).map((o) => [o.outcome, o.count])), [facets]);

  // Search as the person types, a moment after the last key.
  useEffect(() => {
    const timer = window.setTimeout(() => setFilter((f) => (f.search === (search.trim() || null) ? f : { ...f, search: search.trim() || null })), 400);
    return () => window.clearTimeout(timer);
  }, [search]);

  // The invited organisations and any other that has comments (a response registered by the secretariat), with their counts.
  const organisations = useMemo(() => {
    const map = new Map<string, { name: string; count: number | undefined }>();
    for (const i of invitations) map.set(i.organisationId, { name: i.organisationName, count: facets ? 0 : undefined });
    for (const o of facets?.organisations ?? []) map.set(o.organisationId, { name: o.name, count: o.count });
    return [...map.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name, 'da'));
  }, [invitations, facets]);

  const filtered = Object.values(filter).some((v) => v !== null);

  // The heat map is big: it redraws in the background (deferred values) and only when its counts or choice change.
  const heatCounts = useDeferredValue(countMap);
  const heatSelected = useDeferredValue(blockFilter);
  const pickBlock = useCallback((blockId: string) => {
    setFilter((f) => ({ ...f, blockId: f.blockId === blockId ? null : blockId }));
    listHeading.current?.focus();
  }, []);
  const reset = () => {
    setFilter(EMPTY);
    setSearch('');
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
            <Deferred fallback={<p className="muted">Tegner varmekortet…</p>}>
              <HeatMap doc={doc} blockMap={blockMap} countMap={heatCounts} selected={heatSelected} onPick={pickBlock} />
            </Deferred>
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
                  {organisations.map(([orgId, { name, count }]) => (
                    <option key={orgId} value={orgId}>
                      {counted(name, count)}
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
                      {counted(label, facets ? (kindCounts.get(kind) ?? 0) : undefined)}
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
                      {counted(OUTCOME_LABELS[o], facets ? (outcomeCounts.get(o) ?? 0) : undefined)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="hd-filters__foot">
              <label className="hd-check">
                <input type="checkbox" checked={filter.unanswered === true} onChange={(e) => setFilter((f) => ({ ...f, unanswered: e.target.checked || null }))} />
                {counted('Kun ubesvarede', facets?.unanswered)}
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
          </div>
          {blockFilter && (
            <p className="hd-note hd-block-filter">
              Kun kommentarer til {blockMap.get(blockFilter)?.label ?? 'et afsnit'}.{' '}
              <button type="button" className="hd-link-button" onClick={() => setBlockFilter(null)}>
                Vis alle afsnit
              </button>
            </p>
          )}
          {facetsQuery.error && (
            <p className="error" role="alert">
              {errorMessage(facetsQuery.error)}
            </p>
          )}
          <CommentList hearingId={hearingId} filter={filter} filtered={filtered} blocks={blocks} blockMap={blockMap} headingId={`${id}-list`} arrivals={arrivals} />
        </div>
      </div>
    </section>
  );
}

interface HeatMapProps {
  doc: JSONContent;
  blockMap: Map<string, DraftBlockInfo>;
  countMap: Map<string, { comments: number; answered: number }>;
  selected: string | null;
  /** Shows the block's comments (or all again, for the block already chosen). */
  onPick: (blockId: string) => void;
}

/** The hearing draft, each block tinted by its comments with the count in words (a button that filters the list). */
const HeatMap = memo(function HeatMap({ doc, blockMap, countMap, selected, onPick }: HeatMapProps) {
  return (
    <DraftView
      doc={doc}
      blocks={blockMap}
      label="Varmekort over høringsudkastet"
      blockClass={(block) => {
        const n = countMap.get(block.blockId)?.comments ?? 0;
        return [n ? `hd-heat--${heatLevel(n)}` : '', selected === block.blockId ? 'hd-block--selected' : ''].filter(Boolean).join(' ') || undefined;
      }}
      renderAside={(block) => {
        const count = countMap.get(block.blockId);
        if (!count || count.comments === 0) return null;
        return (
          <button
            type="button"
            className="hd-heat-count"
            aria-pressed={selected === block.blockId}
            aria-label={`${plural(count.comments, 'kommentar', 'kommentarer')}, ${count.answered} besvaret, til ${block.label}`}
            onClick={() => onPick(block.blockId)}
          >
            {plural(count.comments, 'kommentar', 'kommentarer')}
            <span className="hd-heat-count__answered">{count.answered} besvaret</span>
          </button>
        );
      }}
    />
  );
});

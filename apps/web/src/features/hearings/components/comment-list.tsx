import { useQuery } from '@apollo/client/react';
import { defaultRangeExtractor, Range, useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { CommentFilter, HEARING_COMMENT_PAGE, HearingComment } from '../graphql/hearings';
import { EMPTY_FILTER, PAGE_SIZE } from '../lib/comment-page';
import { DraftBlockInfo } from '../lib/draft';
import { OUTCOME_LABELS } from '../lib/labels';
import { ReplyForm } from './reply-form';

export { EMPTY_FILTER, PAGE_SIZE };
/** Load the next page when the list has drawn a comment this close to the end of what is loaded. */
const LOAD_AHEAD = 8;

const number = (n: number) => n.toLocaleString('da-DK');

interface Props {
  hearingId: string;
  filter: CommentFilter;
  filtered: boolean;
  blocks: DraftBlockInfo[];
  blockMap: Map<string, DraftBlockInfo>;
  /** The list's heading (the list is labelled by it). */
  headingId: string;
  /** Changes when a response arrives: a list that has reached its end then loads what came after it. */
  arrivals: number;
}

/**
 * The comments, a page at a time and virtualized: only the comments near the window are in the
 * page, each in its place (aria-posinset of aria-setsize), so the reading order stays the list's
 * and a screen reader says "3 of 5.000". The next page loads as the list nears its end, or with
 * "Indlæs flere"; the count of loaded comments is announced.
 */
export function CommentList({ hearingId, filter, filtered, blocks, blockMap, headingId, arrivals }: Props) {
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(HEARING_COMMENT_PAGE, { variables: { id: hearingId, first: PAGE_SIZE, filter } });
  const connection = (data ?? previousData)?.hearing?.commentConnection;
  const edges = connection?.edges ?? [];
  const total = connection?.totalCount ?? 0;
  const hasNextPage = connection?.pageInfo.hasNextPage ?? false;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const [more, setMore] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const fetching = useRef(false);

  const loadMore = useCallback(async () => {
    if (fetching.current || !endCursor) return;
    fetching.current = true;
    setMore({ loading: true, error: null });
    try {
      await fetchMore({ variables: { after: endCursor } });
      setMore({ loading: false, error: null });
    } catch (problem) {
      setMore({ loading: false, error: errorMessage(problem) });
    } finally {
      fetching.current = false;
    }
  }, [endCursor, fetchMore]);

  // A response arrived: its comments sort last, so only a list that shows its end needs them
  // (after its last comment; an empty list asks again from the start).
  const seenArrivals = useRef(arrivals);
  useEffect(() => {
    if (arrivals === seenArrivals.current) return;
    seenArrivals.current = arrivals;
    if (hasNextPage) return;
    if (endCursor) void loadMore();
    else void refetch();
  }, [arrivals, hasNextPage, endCursor, loadMore, refetch]);

  // The list's distance from the top of the document, for the window virtualizer (what is above it can grow).
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const top = Math.round(list.getBoundingClientRect().top + window.scrollY);
    if (top !== scrollMargin) setScrollMargin(top);
  });

  // The comment that holds the focus stays drawn while scrolled away, so the focus is never lost.
  const focused = useRef<number | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const keep = focused.current;
    return keep !== null && keep < range.count && !indexes.includes(keep) ? [...indexes, keep].sort((a, b) => a - b) : indexes;
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: edges.length,
    estimateSize: () => 280,
    overscan: 4,
    scrollMargin,
    getItemKey: (index) => edges[index]?.node.id ?? index,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const lastDrawn = items.at(-1)?.index ?? -1;

  // Infinite scroll: near the end of what is loaded, the next page.
  useEffect(() => {
    if (hasNextPage && !more.error && edges.length > 0 && lastDrawn >= edges.length - LOAD_AHEAD) void loadMore();
  }, [hasNextPage, more.error, edges.length, lastDrawn, loadMore]);

  const status =
    loading && !connection
      ? 'Henter kommentarer…'
      : more.loading
        ? `Henter flere kommentarer… Viser ${number(edges.length)} af ${number(total)}.`
        : `Viser ${number(edges.length)} af ${number(total)} ${total === 1 ? 'kommentar' : 'kommentarer'}.`;

  return (
    <>
      <p className="hd-hint hd-list-status" role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {!loading && connection && edges.length === 0 && <p className="card muted">{filtered ? 'Ingen kommentarer passer til filtrene.' : 'Der er ingen kommentarer endnu.'}</p>}
      <ul ref={listRef} className="hd-comments hd-comments--virtual" aria-labelledby={headingId} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const comment = edges[item.index].node;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="hd-comment-slot"
              aria-posinset={item.index + 1}
              aria-setsize={total}
              aria-labelledby={`${headingId}-c-${comment.id} ${headingId}-about-${comment.id}`}
              style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
              onFocus={() => (focused.current = item.index)}
              onBlur={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focused.current = null;
              }}
            >
              <CommentCard comment={comment} idPrefix={headingId} blocks={blocks} block={comment.blockId ? blockMap.get(comment.blockId) : undefined} />
            </li>
          );
        })}
      </ul>
      {more.error && (
        <p className="error" role="alert">
          {more.error}
        </p>
      )}
      {hasNextPage && (
        <p className="hd-load-more">
          <button type="button" onClick={() => void loadMore()} disabled={more.loading}>
            {more.loading ? 'Henter…' : 'Indlæs flere'}
            <span className="visually-hidden">
              {' '}
              kommentarer (viser {number(edges.length)} af {number(total)})
            </span>
          </button>
        </p>
      )}
    </>
  );
}

function CommentCard({ comment, idPrefix, blocks, block }: { comment: HearingComment; idPrefix: string; blocks: DraftBlockInfo[]; block: DraftBlockInfo | undefined }) {
  return (
    <div className="hd-comment card">
      <div className="hd-comment__head">
        <h4 id={`${idPrefix}-c-${comment.id}`}>{comment.organisation.name}</h4>
        <span className="muted">{comment.responseReference}</span>
        {comment.outcome ? (
          <span className={`hd-outcome hd-outcome--${comment.outcome.toLowerCase()}`}>{OUTCOME_LABELS[comment.outcome]}</span>
        ) : (
          <span className="hd-outcome">Ubesvaret</span>
        )}
      </div>
      <p className="hd-comment__about" id={`${idPrefix}-about-${comment.id}`}>
        {block ? (
          <>
            Om <a href={`#blok-${block.blockId}`}>{block.label}</a>
          </>
        ) : comment.blockId ? (
          'Om et afsnit, der ikke længere findes'
        ) : (
          'Generel kommentar'
        )}
      </p>
      {comment.quote && <blockquote className="hd-quote">{comment.quote}</blockquote>}
      <p className="hd-comment__text">{comment.text}</p>
      <ReplyForm comment={comment} blocks={blocks} organisationName={comment.organisation.name} />
    </div>
  );
}

import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { HEARING_COMMENT_FACETS } from '../../hearings/graphql/hearings';
import { EMPTY_FILTER } from '../../hearings/lib/comment-page';

/**
 * In processing: register a letter, and "what we said — what changed" for each organisation with
 * comments (from the server's counts per organisation, so no response list is loaded for it).
 */
export function LetterLinks({ hearingId }: { hearingId: string }) {
  // The same variables as the comment list's unfiltered counts: one request serves both.
  const { data } = useQuery(HEARING_COMMENT_FACETS, { variables: { id: hearingId, filter: EMPTY_FILTER } });
  const facets = data?.hearing?.commentConnection.facets?.organisations ?? [];
  const organisations = facets.map((o) => [o.organisationId, o.name] as const).sort((a, b) => a[1].localeCompare(b[1], 'da'));
  return (
    <div className="lt-links">
      <p className="hd-actions">
        <Link to={`/hoeringer/${hearingId}/brev`}>Registrér et høringssvar, der kom som brev (PDF eller Word)</Link>
      </p>
      {organisations.length > 0 && (
        <details className="hd-disclosure">
          <summary>Hvad vi sagde – hvad der blev ændret, pr. organisation</summary>
          <ul>
            {organisations.map(([id, name]) => (
              <li key={id}>
                <Link to={`/hoeringer/${hearingId}/spor/${id}`}>{name}</Link>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

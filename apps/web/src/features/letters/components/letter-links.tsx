import { Link } from 'react-router';

/** In processing: register a letter, and each answering organisation's "what we said — what changed". */
export function LetterLinks({ hearingId, responses }: { hearingId: string; responses: Array<{ organisation: { id: string; name: string } }> }) {
  const organisations = [...new Map(responses.map((r) => [r.organisation.id, r.organisation.name])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'da'));
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

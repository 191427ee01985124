import { useId } from 'react';
import type { PresentUser } from '../hooks/use-presence';

/** The others in the draft right now, each with the colour of their caret. */
export function PresenceList({ others }: { others: PresentUser[] }) {
  const labelId = useId();
  return (
    <div className="presence">
      <span id={labelId} className="presence__label">
        Til stede
      </span>
      {others.length === 0 ? (
        <span className="muted presence__empty">Kun dig</span>
      ) : (
        <ul aria-labelledby={labelId} className="presence__list">
          {others.map((user) => (
            <li key={user.clientId} className="presence__user">
              <span className="presence__avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
                {initials(user.name)}
              </span>
              {user.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

import { useEffect, useState } from 'react';
import type { ConnectionState } from '../hooks/use-collaboration';

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Forbinder…',
  saving: 'Gemmer…',
  saved: 'Gemt',
  notSaving: 'Gemmer ikke – prøver igen',
  reconnecting: 'Forbinder igen…',
  refused: 'Ingen forbindelse',
};

/** How long a state must hold before it is announced: typing must not make the screen reader chatter. */
const ANNOUNCE_AFTER_MS = 1_000;

/**
 * The connection state. The visible label follows every change at once; the polite live
 * region announces a state once it has held for a second, so "Gemmer… Gemt" on every
 * keystroke is never read out, while a lost connection or a reconnect is.
 */
export function ConnectionStatus({ state, readOnly }: { state: ConnectionState; readOnly: boolean }) {
  // Readers have nothing to save; for them a synced draft is simply up to date.
  const label = readOnly && (state === 'saved' || state === 'saving' || state === 'notSaving') ? 'Forbundet' : LABELS[state];
  const [announced, setAnnounced] = useState(label);
  useEffect(() => {
    const timer = window.setTimeout(() => setAnnounced(label), ANNOUNCE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [label]);

  const tone = state === 'saved' ? 'ok' : state === 'saving' ? 'busy' : state === 'refused' || state === 'notSaving' ? 'bad' : 'warn';
  return (
    <div className={`connection connection--${tone}`}>
      <span className="connection__dot" aria-hidden="true" />
      <span aria-hidden="true">{label}</span>
      <span className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announced}
      </span>
    </div>
  );
}

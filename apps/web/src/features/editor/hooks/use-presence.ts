import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';

export interface PresentUser {
  /** The awareness client id of one of the person's connections. */
  clientId: number;
  name: string;
  color: string;
}

const isUser = (value: unknown): value is { name: string; color: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { name?: unknown }).name === 'string' &&
  typeof (value as { color?: unknown }).color === 'string';

/** The others who have the draft open now (one entry per person, however many tabs). */
export function othersIn(provider: HocuspocusProvider): PresentUser[] {
  const awareness = provider.awareness;
  if (!awareness) return [];
  const seen = new Map<string, PresentUser>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user: unknown = state.user;
    if (!isUser(user)) continue;
    const key = `${user.name}\u0000${user.color}`;
    if (!seen.has(key)) seen.set(key, { clientId, name: user.name, color: user.color });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

const sameList = (a: PresentUser[], b: PresentUser[]) =>
  a.length === b.length && a.every((user, i) => user.name === b[i].name && user.color === b[i].color);

/** Who else is in the draft, from the provider's awareness; re-renders only when that changes. */
export function usePresence(provider: HocuspocusProvider | null): PresentUser[] {
  const [others, setOthers] = useState<PresentUser[]>([]);
  useEffect(() => {
    const awareness = provider?.awareness;
    if (!provider || !awareness) {
      setOthers([]);
      return;
    }
    const refresh = () => {
      const next = othersIn(provider);
      setOthers((previous) => (sameList(previous, next) ? previous : next));
    };
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [provider]);
  return others;
}

import { ReactNode, startTransition, useEffect, useState } from 'react';

/**
 * Draws its children after the first paint, in a transition: React then renders them in slices
 * between the browser's frames, so a big part of a page (the heat map, a long list of
 * invitations) neither delays what the person came for nor blocks the page in one long task.
 */
export function Deferred({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => startTransition(() => setReady(true)), []);
  return ready ? children : fallback;
}

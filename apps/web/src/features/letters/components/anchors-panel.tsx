import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { AGREEMENT_ANCHORS, AgreementAnchors } from '../graphql/letters';
import { AnchorCount, anchorLabel } from '../lib/anchor-counts';
import '../letters.css';

/**
 * For the live editor (secretariat): the hearing comments and cluster inputs per paragraph
 * (shown on the paragraphs, see AnchorCounts) and those whose paragraph was deleted.
 */
export function useAnchorCounts(agreementId: string, enabled: boolean) {
  const { data } = useQuery(AGREEMENT_ANCHORS, { variables: { id: agreementId }, skip: !enabled, errorPolicy: 'all', pollInterval: 30_000 });
  const agreement = data?.agreement;
  const counts = useMemo(() => (agreement ? new Map<string, AnchorCount>(agreement.paragraphAnchors.map((a) => [a.blockId, a])) : undefined), [agreement]);
  return { counts, orphaned: agreement?.orphanedAnchors ?? [] };
}

/** Anchors whose paragraph was deleted from the live draft: listed, never hidden. */
export function OrphanedAnchors({ orphaned }: { orphaned: AgreementAnchors['orphanedAnchors'] }) {
  if (orphaned.length === 0) return null;
  return (
    <aside className="card lt-orphans" aria-labelledby="orphans-title">
      <h2 id="orphans-title">Kommentarer og input til slettede afsnit</h2>
      <p className="hd-hint">Afsnittene er slettet fra udkastet, men det, der blev sagt til dem, står stadig i høringen og inputrunderne.</p>
      <ul>
        {orphaned.map((a) => (
          <li key={a.blockId}>
            »{a.lastText ?? 'ukendt tekst'}«{a.versionNumber ? ` (version ${a.versionNumber})` : ''}: {anchorLabel(a)}
          </li>
        ))}
      </ul>
    </aside>
  );
}

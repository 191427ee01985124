/** What became of a paragraph a comment or an input points to: shown beside its reply. */
export interface BlockChangeLike {
  change: string;
  before?: string | null;
  after?: string | null;
  words?: Array<{ kind: string; text: string }>;
}

const LABELS: Record<string, string> = {
  CHANGED: 'Afsnittet er ændret',
  REMOVED: 'Afsnittet er fjernet',
  UNCHANGED: 'Afsnittet er uændret',
  ADDED: 'Afsnittet er tilføjet',
};

export function BlockChangeNote({ change, comparedWith }: { change: BlockChangeLike | null | undefined; comparedWith?: string }) {
  if (!change) return null;
  const label = `${LABELS[change.change] ?? change.change}${comparedWith ? ` i ${comparedWith}` : ''}`;
  return (
    <div className="lt-change">
      <strong>{change.change === 'CHANGED' ? `${label}:` : `${label}.`}</strong>
      {change.change === 'CHANGED' && (
        <p className="lt-change__redline">
          {(change.words?.length ? change.words : [{ kind: 'SAME', text: change.after ?? '' }]).map((w, i) =>
            w.kind === 'ADDED' ? <ins key={i}>{w.text}</ins> : w.kind === 'REMOVED' ? <del key={i}>{w.text}</del> : <span key={i}>{w.text}</span>,
          )}
        </p>
      )}
    </div>
  );
}

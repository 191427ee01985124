import { useDownload } from '../../hearings/hooks/use-download';

/**
 * A party's decision document in the grid, as a download: it is part of the approvals, so
 * whoever sees them (the region's secretariat, clusters and municipalities, ADMIN) may read it.
 */
export function DecisionDocument({ documentId, organisation }: { documentId: string; organisation: string }) {
  const { busy, error, download } = useDownload('beslutning');
  return (
    <>
      <button type="button" className="small" onClick={() => void download(`/files/attachments/${documentId}`)} disabled={busy} aria-label={`Hent beslutningsdokumentet fra ${organisation}`}>
        {busy ? 'Henter…' : 'Hent dokument'}
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

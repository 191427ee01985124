import { useDownload } from '../../hearings/hooks/use-download';

/**
 * A party's decision document in the grid: a download for those the server lets read it (the
 * region's secretariat, ADMIN, the party itself), "Vedhæftet" for the other readers.
 */
export function DecisionDocument({ documentId, organisation, mayDownload }: { documentId: string; organisation: string; mayDownload: boolean }) {
  const { busy, error, download } = useDownload('beslutning');
  if (!mayDownload) return <>Vedhæftet</>;
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

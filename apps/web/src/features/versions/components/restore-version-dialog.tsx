import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog';
import { errorMessage } from '../../../lib/apollo';
import { RESTORE_VERSION, VersionSummary } from '../graphql/versions';

interface RestoreVersionDialogProps {
  version: VersionSummary;
  onClose: () => void;
  /** Called with the safety version the server froze first (the newest after the restore). */
  onRestored: (safety: VersionSummary | null) => Promise<void>;
}

/** Asks before restoring: the draft as it is now is frozen as a version first, then replaced for everyone. */
export function RestoreVersionDialog({ version, onClose, onRestored }: RestoreVersionDialogProps) {
  const [restoreVersion, { loading }] = useMutation(RESTORE_VERSION);
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = async () => {
    setProblem(null);
    try {
      const result = await restoreVersion({ variables: { versionId: version.id } });
      const versions = result.data?.restoreVersion.versions ?? [];
      await onRestored(versions[0] ?? null);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <Dialog
      title={`Gendan version ${version.number}?`}
      size="small"
      onClose={onClose}
      description={
        <>
          Det nuværende udkast gemmes først som en version, så intet går tabt. Derefter bliver udkastet erstattet af version{' '}
          {version.number} „{version.label}“ – for alle, der har det åbent.
        </>
      }
      actions={
        <>
          <button type="button" onClick={onClose} data-autofocus>
            Annullér
          </button>
          <button type="button" className="primary" onClick={() => void confirm()} disabled={loading}>
            {loading ? 'Gendanner…' : `Gendan version ${version.number}`}
          </button>
        </>
      }
    >
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}

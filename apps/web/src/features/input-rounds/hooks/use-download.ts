import { useCallback, useEffect, useState } from 'react';
import { DOWNLOAD_FAILED, fetchFile as fetchDownload } from '../../../lib/download';

interface Download {
  href: string;
  filename: string;
}

/**
 * Fetches a file that needs the session and offers it as
 * a blob link; the object URL is released when it is replaced or the component goes away.
 */
export function useDownload(fallbackName: string) {
  const [file, setFile] = useState<Download | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => void (file && URL.revokeObjectURL(file.href)), [file]);

  const fetchFile = useCallback(
    async (url: string): Promise<Download | null> => {
      setBusy(true);
      setError(null);
      try {
        // A GET: the session cookie goes along (same origin) and needs no CSRF token.
        const fetched = await fetchDownload(url, fallbackName);
        const next = { href: URL.createObjectURL(fetched.blob), filename: fetched.filename };
        setFile(next);
        return next;
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : DOWNLOAD_FAILED);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [fallbackName],
  );

  return { file, busy, error, fetchFile };
}

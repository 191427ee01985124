import { useCallback, useEffect, useState } from 'react';
import { DOWNLOAD_FAILED, fetchFile as fetchDownload } from '../../../lib/download';
import { readToken } from '../../auth/hooks/token-storage';

interface Download {
  href: string;
  filename: string;
}

/**
 * Fetches a file that needs the bearer token (a plain link cannot send it) and offers it as
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
        const token = readToken();
        const fetched = await fetchDownload(url, fallbackName, { headers: token ? { authorization: `Bearer ${token}` } : {} });
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

import { useCallback, useEffect, useRef, useState } from 'react';
import { DOWNLOAD_FAILED, fetchFile, saveAs } from '../../../lib/download';
import { readToken } from '../../auth/hooks/token-storage';

export interface DownloadedFile {
  href: string;
  filename: string;
}

/**
 * Downloads a file that needs the bearer token (a plain link cannot send it): fetches it,
 * saves it through a blob link, and keeps that link for the person to use again. The object
 * URL is released when replaced or when the component goes away.
 */
export function useDownload(fallbackName: string) {
  const [file, setFile] = useState<DownloadedFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<DownloadedFile | null>(null);

  useEffect(() => () => void (current.current && URL.revokeObjectURL(current.current.href)), []);

  const download = useCallback(
    async (url: string): Promise<DownloadedFile | null> => {
      setBusy(true);
      setError(null);
      try {
        const token = readToken();
        const fetched = await fetchFile(url, fallbackName, { headers: token ? { authorization: `Bearer ${token}` } : {} });
        const next = { href: URL.createObjectURL(fetched.blob), filename: fetched.filename };
        if (current.current) URL.revokeObjectURL(current.current.href);
        current.current = next;
        setFile(next);
        saveAs(next.href, next.filename);
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

  return { file, busy, error, download };
}

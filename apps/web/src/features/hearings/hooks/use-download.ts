import { useCallback, useEffect, useRef, useState } from 'react';
import { DOWNLOAD_FAILED, fetchFile, saveAs } from '../../../lib/download';

export interface DownloadedFile {
  href: string;
  filename: string;
}

/**
 * Downloads a file that needs the session (kept as a blob link the person can use again): fetches it,
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
        // A GET: the session cookie goes along (same origin) and needs no CSRF token.
        const fetched = await fetchFile(url, fallbackName);
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

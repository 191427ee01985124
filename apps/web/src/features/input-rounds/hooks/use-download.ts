import { useCallback, useEffect, useState } from 'react';

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
        const response = await fetch(url, { credentials: 'same-origin' });
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { message?: string } | null;
          throw new Error(body?.message ?? 'Filen kunne ikke hentes. Prøv igen.');
        }
        const disposition = response.headers.get('content-disposition') ?? '';
        const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
        const next = { href: URL.createObjectURL(await response.blob()), filename };
        setFile(next);
        return next;
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : 'Filen kunne ikke hentes. Prøv igen.');
        return null;
      } finally {
        setBusy(false);
      }
    },
    [fallbackName],
  );

  return { file, busy, error, fetchFile };
}

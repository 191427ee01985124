import { useCallback, useEffect, useRef, useState } from 'react';

export interface DownloadedFile {
  href: string;
  filename: string;
}

const FAILED = 'Filen kunne ikke hentes. Prøv igen.';

/** The file name from a Content-Disposition header (plain or RFC 5987), if any. */
function filenameOf(disposition: string): string | null {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      /* fall through to the plain name */
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
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
        const response = await fetch(url, { credentials: 'same-origin' });
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { message?: string } | null;
          throw new Error(body?.message ?? FAILED);
        }
        const filename = filenameOf(response.headers.get('content-disposition') ?? '') ?? fallbackName;
        const next = { href: URL.createObjectURL(await response.blob()), filename };
        if (current.current) URL.revokeObjectURL(current.current.href);
        current.current = next;
        setFile(next);
        const link = document.createElement('a');
        link.href = next.href;
        link.download = next.filename;
        document.body.append(link);
        link.click();
        link.remove();
        return next;
      } catch (caught) {
        setError(caught instanceof Error && caught.message !== 'Failed to fetch' ? caught.message : FAILED);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [fallbackName],
  );

  return { file, busy, error, download };
}

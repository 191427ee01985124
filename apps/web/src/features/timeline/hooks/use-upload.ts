import { useCallback, useState } from 'react';
import { csrfHeaders } from '../../auth/lib/session';

export interface Uploaded {
  id: string;
  filename: string;
}

/** Uploads a decision document (PDF or DOCX) to /files/attachments and returns its id. */
export function useUpload() {
  const [busy, setBusy] = useState(false);
  const upload = useCallback(async (file: File): Promise<Uploaded> => {
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', file);
      let response: Response;
      try {
        response = await fetch('/files/attachments', { method: 'POST', body, credentials: 'same-origin', headers: csrfHeaders() });
      } catch {
        throw new Error('Dokumentet kunne ikke uploades. Tjek din forbindelse, og prøv igen.');
      }
      const json = (await response.json().catch(() => null)) as { id?: string; filename?: string; message?: string | string[] } | null;
      if (!response.ok || !json?.id) {
        const message = Array.isArray(json?.message) ? json.message.join(' ') : json?.message;
        throw new Error(message ?? 'Dokumentet kunne ikke uploades. Prøv igen.');
      }
      return { id: json.id, filename: json.filename ?? file.name };
    } finally {
      setBusy(false);
    }
  }, []);
  return { upload, busy };
}

import { useCallback, useState } from 'react';
import { csrfHeaders } from '../../auth/lib/session';

export interface UploadedAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export const MAX_ATTACHMENTS = 20;

/** Uploads attachments (PDF or DOCX) one at a time to /files/attachments; the server checks each by its content. */
export function useAttachmentUpload() {
  const [uploading, setUploading] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const upload = useCallback(async (files: File[]): Promise<UploadedAttachment[]> => {
    const uploaded: UploadedAttachment[] = [];
    const refused: string[] = [];
    setProblems([]);
    for (const file of files) {
      setUploading(file.name);
      try {
        const body = new FormData();
        body.append('file', file, file.name);
        const response = await fetch('/files/attachments', { method: 'POST', body, credentials: 'same-origin', headers: csrfHeaders() });
        const json = (await response.json().catch(() => null)) as (Partial<UploadedAttachment> & { message?: string }) | null;
        if (!response.ok || !json?.id) {
          refused.push(`${file.name}: ${json?.message ?? 'Filen kunne ikke vedhæftes. Prøv igen.'}`);
        } else {
          uploaded.push({ id: json.id, filename: json.filename ?? file.name, contentType: json.contentType ?? file.type, size: json.size ?? file.size });
        }
      } catch {
        refused.push(`${file.name}: Kunne ikke få forbindelse til serveren. Prøv igen.`);
      }
    }
    setUploading(null);
    setProblems(refused);
    return uploaded;
  }, []);

  return { upload, uploading, problems, clearProblems: () => setProblems([]) };
}

/** '340 kB', '2,4 MB'. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`;
}

import { fetchFile, saveAs } from '../../../lib/download';
import { csrfHeaders } from '../../auth/lib/session';
import type { SectionKind } from '../../../gql/graphql';

/** A heading may start a section of a kind, or stay a subheading in the section above it. */
export type ImportKind = SectionKind | 'SUBHEADING';

export const IMPORT_KIND_OPTIONS: Array<{ value: ImportKind; label: string }> = [
  { value: 'PREAMBLE', label: 'Indledning' },
  { value: 'VISION', label: 'Vision' },
  { value: 'FOCUS_AREA', label: 'Fokusområde' },
  { value: 'PRINCIPLE', label: 'Princip' },
  { value: 'GOAL', label: 'Mål' },
  { value: 'ANNEX', label: 'Tillæg' },
  { value: 'OTHER', label: 'Andet' },
  { value: 'SUBHEADING', label: 'Underoverskrift i afsnittet ovenfor' },
];

export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  PREAMBLE: 'Indledning',
  VISION: 'Vision',
  FOCUS_AREA: 'Fokusområde',
  PRINCIPLE: 'Princip',
  GOAL: 'Mål',
  ANNEX: 'Tillæg',
  OTHER: 'Andet',
};

export interface ImportPreview {
  importId: string;
  filename: string;
  headings: Array<{ index: number; text: string; level: number; suggestedKind: ImportKind; excerpt: string }>;
  blocks: number;
  /** Whether text comes before the first heading (it becomes a section of its own). */
  leadingText: boolean;
  warnings: string[];
}

export interface ImportResult {
  agreementId: string;
  title: string;
  created: boolean;
  safetyVersionNumber: number | null;
  sections: Array<{ kind: SectionKind; title: string }>;
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Why a file is too large to send for import, or null: the server refuses it anyway, this says so before the upload. */
export const importSizeProblem = (file: Pick<File, 'size'>): string | null =>
  file.size > MAX_IMPORT_BYTES ? 'Filen er større end 20 MB. Fjern billeder, eller del dokumentet op, og prøv igen.' : null;

/** What the server said went wrong, in its words when it gave any. */
function messageOf(status: number, body: unknown): string {
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.join(' ');
  }
  if (status === 401) return 'Din session er udløbet. Log ind igen.';
  if (status === 403) return 'Du har ikke adgang til at gøre dette.';
  if (status === 413) return 'Filen er større end 20 MB. Fjern billeder, eller del dokumentet op, og prøv igen.';
  return 'Der opstod en fejl på serveren. Prøv igen om lidt.';
}

/**
 * Posts a file with form fields to /files/… and reports the upload's progress (0–1); the
 * server's Danish message becomes the error.
 */
export function uploadFile<T>(path: string, file: File, fields: Record<string, string>, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('file', file, file.name);
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    const request = new XMLHttpRequest();
    request.open('POST', path);
    // Same origin: the session cookie goes along; the CSRF token must too.
    request.withCredentials = true;
    for (const [name, value] of Object.entries(csrfHeaders())) request.setRequestHeader(name, value);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.upload.onload = () => onProgress(1);
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) resolve(request.response as T);
      else reject(new Error(messageOf(request.status, request.response)));
    };
    request.onerror = () => reject(new Error('Kunne ikke få forbindelse til serveren. Tjek din forbindelse, og prøv igen.'));
    request.send(form);
  });
}

/** Fetches a download with the session cookie and saves it through a temporary blob URL. */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const { blob, filename } = await fetchFile(path, fallbackName, { failure: messageOf });
  const url = URL.createObjectURL(blob);
  saveAs(url, filename);
  // Give the browser time to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return filename;
}

/** How a paragraph edited in Word found its place in the draft. */
export type MatchedBy = 'BLOCK_ID' | 'TEXT';

/** What a DOCX with tracked changes and comments would bring into the live draft. */
export interface WordSuggestionsPreview {
  importId: string;
  filename: string;
  suggestions: Array<{ blockId: string; matchedBy: MatchedBy; kind: 'insertion' | 'deletion'; text: string; wordAuthor: string }>;
  comments: Array<{ blockId: string; matchedBy: MatchedBy; quote: string; text: string; wordAuthor: string; replies: number }>;
  author: { name: string; organisation: string };
  warnings: string[];
}

export interface WordSuggestionsResult {
  agreementId: string;
  suggestions: number;
  comments: number;
  threadIds: string[];
  warnings: string[];
}

/** What a person reads when a file could not be fetched and the server said nothing useful. */
export const DOWNLOAD_FAILED = 'Filen kunne ikke hentes. Prøv igen.';

/** The file name from a Content-Disposition header: the RFC 5987 `filename*` first, then the plain `filename`. */
export function filenameOf(disposition: string | null): string | null {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? null;
}

/** The server's own message in an error body (`{ message }`, a string or a list of them), if it gave one. */
export function serverMessage(body: unknown): string | null {
  if (!body || typeof body !== 'object' || !('message' in body)) return null;
  const message: unknown = body.message;
  if (typeof message === 'string' && message) return message;
  if (Array.isArray(message) && message.every((m) => typeof m === 'string') && message.length) return message.join(' ');
  return null;
}

export interface FetchedFile {
  blob: Blob;
  filename: string;
}

export interface FetchFileOptions {
  headers?: Record<string, string>;
  /** The message for a refusal; by default the server's message, else DOWNLOAD_FAILED. */
  failure?: (status: number, body: unknown) => string;
}

/**
 * Fetches a file to offer as a download, named as the server names it (else `fallbackName`).
 * A refusal or a network failure becomes an Error whose message a person can read.
 */
export async function fetchFile(url: string, fallbackName: string, { headers = {}, failure }: FetchFileOptions = {}): Promise<FetchedFile> {
  let response: Response;
  try {
    response = await fetch(url, { headers });
  } catch {
    throw new Error(DOWNLOAD_FAILED);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new Error(failure ? failure(response.status, body) : (serverMessage(body) ?? DOWNLOAD_FAILED));
  }
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition')) ?? fallbackName };
}

/** Hands a (blob) URL to the browser as a download named `filename`, through a link it clicks. */
export function saveAs(href: string, filename: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * The Content-Disposition of a download, with the file's real name for every browser: RFC 6266's
 * `filename*` (RFC 5987/8187, UTF-8, percent-encoded) keeps "å" and "–", and a plain ASCII
 * `filename` is the fallback for clients that do not read `filename*` (Danish letters spelled
 * out the Danish way, "å" → "aa"). Every download route sets its header through here.
 */
export function attachmentDisposition(filename: string): string {
  const name = safeFilename(filename);
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

const DANISH_SPELLED_OUT: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa' };

/** No path, no control characters, no characters Windows refuses in a file name. */
export function safeFilename(filename: string): string {
  const base = filename.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim();
  return cleaned.replace(/^[.\-\s]+|[-\s]+$/g, '') || 'fil';
}

/** The name in printable ASCII, for the `filename` parameter (a quoted string). */
export function asciiFallback(filename: string): string {
  return filename
    .replace(/[æøåÆØÅ]/g, (letter) => DANISH_SPELLED_OUT[letter])
    .replace(/[–—]/g, '-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
}

/** RFC 5987 `value-chars`: percent-encoded UTF-8, where encodeURIComponent leaves `'()*` that the grammar does not allow. */
const encodeRfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

import type { Readable } from 'node:stream';
import yauzl, { Entry, ZipFile } from 'yauzl';

/**
 * What an uploaded zip package (DOCX, XLSX, …) may unpack to before anything reads it.
 *
 * A zip states its entries' sizes, but nothing makes the statement true: a 150 KB file can
 * inflate to gigabytes, and the libraries that read Office files (mammoth, JSZip) inflate whole
 * parts into memory. So every entry is actually inflated here, as a stream, counting bytes and
 * stopping at the first limit passed; the data itself is thrown away.
 */
export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Bytes all entries inflate to together. */
  maxTotalBytes: number;
  /** Bytes any one entry inflates to. */
  maxEntryBytes: number;
  /** Inflated bytes per compressed byte, checked for entries once they pass `ratioFromBytes`. */
  maxRatio: number;
  /** Small parts (styles, settings) legitimately compress very well; the ratio is not held against them. */
  ratioFromBytes: number;
  /** Characters in an entry's name. */
  maxNameLength: number;
}

const MB = 1024 * 1024;

/**
 * Limits for an Office document a person uploads (at most 20 MB as a file). A long health
 * agreement in Word has a few hundred parts, a `word/document.xml` of 1–5 MB that compresses
 * 5–20 times, and images that are stored as they are; these limits leave it room many times
 * over while refusing bombs:
 * - 2,000 entries (Word writes one per image, header, footer, comment part, …);
 * - 100 MB in all, inflated: a worker may need a few times this for the parsed document;
 * - 20 MB per entry: no real XML part comes near; an image cannot be bigger than the upload;
 * - a ratio of at most 100 for entries over 1 MB: repeated XML in a real document stays well
 *   under 30, a bomb is at 300–1,000.
 */
export const OFFICE_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxEntries: 2_000,
  maxTotalBytes: 100 * MB,
  maxEntryBytes: 20 * MB,
  maxRatio: 100,
  ratioFromBytes: 1 * MB,
  maxNameLength: 512,
});

export type ZipRefusal =
  /** Not a zip, truncated, encrypted or otherwise unreadable. */
  | 'CORRUPT'
  | 'TOO_MANY_ENTRIES'
  /** All entries together inflate past the limit. */
  | 'TOO_LARGE'
  /** One entry inflates past the per-entry limit or the ratio. */
  | 'ENTRY_TOO_LARGE'
  /** An absolute path, `..`, a backslash, a control character, a duplicate or a very long name. */
  | 'BAD_NAME'
  /** An entry inflated to another size than it declares. */
  | 'SIZE_MISMATCH';

/** A zip refused before anything unpacks it. The message is for the log; callers word it for people. */
export class UnsafeZipError extends Error {
  constructor(
    readonly reason: ZipRefusal,
    message: string,
    /** Inflated bytes when refusing: as declared, or (`atLeast`) a lower bound counted while inflating. */
    readonly bytes = 0,
    readonly atLeast = false,
    readonly entry?: string,
  ) {
    super(message);
    this.name = 'UnsafeZipError';
  }
}

export interface ZipInventory {
  /** Entry names (folders included, ending in "/"), in the order of the central directory. */
  names: string[];
  /** Bytes all entries inflated to, counted. */
  totalBytes: number;
  has(name: string): boolean;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A name a reader could resolve outside the package, or that no Office writer produces. */
function badName(name: string, limits: ZipLimits): string | null {
  if (name.length === 0) return 'empty name';
  if (name.length > limits.maxNameLength) return 'name too long';
  if (CONTROL.test(name)) return 'control character in name';
  if (name.includes('\\')) return 'backslash in name';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'absolute path';
  if (name.split('/').some((part) => part === '..')) return 'parent directory in path';
  return null;
}

const YAUZL_NAME_ERRORS = /^(invalid characters in fileName|absolute path|invalid relative path)/;
const YAUZL_SIZE_ERRORS = /^(too many bytes in the stream|not enough bytes in the stream)/;

const openZip = (data: Buffer) =>
  new Promise<ZipFile>((resolve, reject) => {
    // lazyEntries: one entry at a time, so a refusal stops the reading; validateEntrySizes:
    // yauzl fails a stream that inflates to more or fewer bytes than the entry declares.
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: true }, (error, zip) =>
      error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip),
    );
  });

const openEntry = (zip: ZipFile, entry: Entry) =>
  new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error ?? new Error('no stream')) : resolve(stream)));
  });

/**
 * Reads a zip package from untrusted bytes within `limits`: checks the entry count, the names
 * and the declared sizes, then inflates every entry counting its bytes (declared sizes can
 * lie) and stops at the first limit passed. Memory use stays at a few stream buffers whatever
 * the package holds. Rejects with {@link UnsafeZipError}; resolves with the entries' names.
 */
export async function inspectZip(data: Buffer, limits: ZipLimits = OFFICE_ZIP_LIMITS): Promise<ZipInventory> {
  let zip: ZipFile;
  try {
    zip = await openZip(data);
  } catch (error) {
    throw new UnsafeZipError('CORRUPT', `not a readable zip: ${(error as Error).message}`);
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new UnsafeZipError('TOO_MANY_ENTRIES', `${zip.entryCount} entries, at most ${limits.maxEntries}`);
  }
  const names: string[] = [];
  const seen = new Set<string>();
  let totalBytes = 0;
  let current: Entry | null = null;

  const checkEntry = async (entry: Entry): Promise<void> => {
    current = entry;
    const name = entry.fileName;
    const problem = badName(name, limits) ?? (seen.has(name) ? 'duplicate name' : null);
    if (problem) throw new UnsafeZipError('BAD_NAME', `${problem}: ${JSON.stringify(name.slice(0, 100))}`, totalBytes, true, name);
    seen.add(name);
    names.push(name);
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new UnsafeZipError('ENTRY_TOO_LARGE', `${name} declares ${entry.uncompressedSize} bytes`, entry.uncompressedSize, false, name);
    }
    if (totalBytes + entry.uncompressedSize > limits.maxTotalBytes) {
      throw new UnsafeZipError('TOO_LARGE', `entries declare more than ${limits.maxTotalBytes} bytes`, totalBytes + entry.uncompressedSize, false, name);
    }
    if (name.endsWith('/') && entry.compressedSize === 0) return;
    // The most this entry may inflate to: the per-entry limit, what is left of the total, and
    // (past the floor) the ratio to its compressed size.
    const byRatio = Math.max(limits.ratioFromBytes, entry.compressedSize * limits.maxRatio);
    const allowed = Math.min(limits.maxEntryBytes, byRatio, limits.maxTotalBytes - totalBytes);
    const stream = await openEntry(zip, entry);
    let bytes = 0;
    await new Promise<void>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes <= allowed) return;
        const reason: ZipRefusal = allowed === limits.maxTotalBytes - totalBytes ? 'TOO_LARGE' : 'ENTRY_TOO_LARGE';
        stream.destroy(new UnsafeZipError(reason, `${name} inflates past ${allowed} bytes (compressed ${entry.compressedSize})`, totalBytes + allowed, true, name));
      });
      stream.on('error', reject);
      stream.on('end', resolve);
    });
    totalBytes += bytes;
  };

  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        checkEntry(entry).then(() => zip.readEntry(), reject);
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (error) {
    if (error instanceof UnsafeZipError) throw error;
    const message = (error as Error).message ?? String(error);
    if (YAUZL_NAME_ERRORS.test(message)) throw new UnsafeZipError('BAD_NAME', message, totalBytes, true);
    // The entry inflated past what it declared (or stopped short): at least the declared size.
    const declared = (current as Entry | null)?.uncompressedSize ?? 0;
    if (YAUZL_SIZE_ERRORS.test(message)) throw new UnsafeZipError('SIZE_MISMATCH', message, totalBytes + declared, true, (current as Entry | null)?.fileName);
    throw new UnsafeZipError('CORRUPT', message, totalBytes, true);
  } finally {
    zip.close();
  }
  return { names, totalBytes, has: (name) => seen.has(name) };
}

/** "50 MB", "over 20 MB": what a refused package unpacks to, for a person. */
export function unpackedSize(error: UnsafeZipError): string {
  const mb = Math.max(1, Math.round(error.bytes / MB));
  return error.atLeast ? `over ${mb} MB` : `${mb} MB`;
}

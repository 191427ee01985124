import JSZip from 'jszip';

const MB = 1024 * 1024;

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A `word/document.xml` of about `bytes` bytes: one paragraph repeated, as a bomb would. */
export function documentXml(bytes: number): string {
  const paragraph = '<w:p><w:r><w:t>Fælles populationsansvar for hele befolkningens sundhed.</w:t></w:r></w:p>';
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`;
  const tail = '</w:body></w:document>';
  return head + paragraph.repeat(Math.max(1, Math.ceil((bytes - head.length - tail.length) / Buffer.byteLength(paragraph)))) + tail;
}

/** A .docx whose parts are `parts` besides the package's own; deflated at the highest level. */
export async function docxWith(parts: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  for (const [name, data] of Object.entries(parts)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The bomb of the issue: a .docx of about 150 KB whose `word/document.xml` inflates to 50 MB. */
export const wordBomb = (megabytes = 50) => docxWith({ 'word/document.xml': documentXml(megabytes * MB) });

/** A .docx of `count` small parts beside a valid document. */
export function manyEntriesDocx(count: number): Promise<Buffer> {
  const parts: Record<string, string> = { 'word/document.xml': documentXml(2_000) };
  for (let i = 0; i < count; i++) parts[`word/media/part${i}.xml`] = `<p>${i}</p>`;
  return docxWith(parts);
}

/**
 * Rewrites the uncompressed size `name` declares, in its local header and in the central
 * directory, so the package lies about what the entry inflates to.
 */
export function withDeclaredSize(zip: Buffer, name: string, declared: number): Buffer {
  const out = Buffer.from(zip);
  const nameBytes = Buffer.from(name, 'utf8');
  let patched = 0;
  for (let at = 0; at < out.length - 46; at++) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50 && out.subarray(at + 30, at + 30 + nameBytes.length).equals(nameBytes) && out.readUInt16LE(at + 26) === nameBytes.length) {
      out.writeUInt32LE(declared, at + 22);
      patched++;
    } else if (signature === 0x02014b50 && out.subarray(at + 46, at + 46 + nameBytes.length).equals(nameBytes) && out.readUInt16LE(at + 28) === nameBytes.length) {
      out.writeUInt32LE(declared, at + 24);
      patched++;
    }
  }
  if (patched !== 2) throw new Error(`expected a local and a central header for ${name}, patched ${patched}`);
  return out;
}

/** Replaces the bytes of an entry's name everywhere (same length), to make names no zip writer would. */
export function withRenamedEntry(zip: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('names must have the same length');
  const out = Buffer.from(zip);
  const search = Buffer.from(from, 'utf8');
  const replacement = Buffer.from(to, 'utf8');
  let at = out.indexOf(search);
  if (at < 0) throw new Error(`no entry named ${from}`);
  while (at >= 0) {
    replacement.copy(out, at);
    at = out.indexOf(search, at + search.length);
  }
  return out;
}

import { Document, Packer, Paragraph } from 'docx';
import { randomBytes } from 'node:crypto';
import { docxWith, documentXml, manyEntriesDocx, withDeclaredSize, withRenamedEntry, wordBomb } from '../../test/zip-bombs';
import { inspectZip, OFFICE_ZIP_LIMITS, UnsafeZipError, unpackedSize, ZipRefusal } from './untrusted-zip';

const MB = 1024 * 1024;

async function refusal(data: Buffer): Promise<UnsafeZipError> {
  try {
    await inspectZip(data);
  } catch (error) {
    if (error instanceof UnsafeZipError) return error;
    throw error;
  }
  throw new Error('the package was accepted');
}

const expectRefused = async (data: Buffer, reason: ZipRefusal) => {
  const error = await refusal(data);
  expect(error.reason).toBe(reason);
  return error;
};

describe('inspectZip', () => {
  it('accepts a real Word document and counts what it inflates to', async () => {
    const data = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Fælles populationsansvar')] }] }));
    const zip = await inspectZip(data);
    expect(zip.has('word/document.xml')).toBe(true);
    expect(zip.names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    expect(zip.totalBytes).toBeGreaterThan(data.length);
  });

  it('accepts a large but ordinary document part', async () => {
    // 8 MB of varied paragraphs compress far less than a bomb.
    const paragraphs = Array.from({ length: 60_000 }, (_, i) => `<w:p><w:r><w:t>Punkt ${i}: ${(i * 7919).toString(36)} ${'sundhed '.repeat(i % 13)}</w:t></w:r></w:p>`);
    const zip = await inspectZip(await docxWith({ 'word/document.xml': `<w:document><w:body>${paragraphs.join('')}</w:body></w:document>` }));
    expect(zip.totalBytes).toBeGreaterThan(5 * MB);
  });

  it('refuses a bomb by its declared size, before inflating it', async () => {
    const bomb = await wordBomb(50);
    expect(bomb.length).toBeLessThan(300 * 1024);
    const error = await expectRefused(bomb, 'ENTRY_TOO_LARGE');
    expect(error.entry).toBe('word/document.xml');
    expect(unpackedSize(error)).toBe('50 MB');
  });

  it('refuses a bomb that declares a small size, while inflating it', async () => {
    const lying = withDeclaredSize(await wordBomb(50), 'word/document.xml', 4 * MB);
    const error = await expectRefused(lying, 'SIZE_MISMATCH');
    expect(error.atLeast).toBe(true);
  });

  it('counts the bytes itself: a part inflating past the ratio is refused at the limit', async () => {
    // 15 MB that compress ~1,000 times: under the per-entry limit, far over the ratio.
    const error = await expectRefused(await docxWith({ 'word/document.xml': documentXml(15 * MB) }), 'ENTRY_TOO_LARGE');
    expect(error.atLeast).toBe(true);
    // It compresses to ~55 KB, so it may inflate to 100 times that: about 5.5 MB, not 15.
    expect(error.bytes).toBeGreaterThan(OFFICE_ZIP_LIMITS.ratioFromBytes);
    expect(error.bytes).toBeLessThan(8 * MB);
  });

  it('refuses a package that together inflates past the total', async () => {
    // Parts that do not compress (images, say), each under the per-entry limit; a lower total keeps the test small.
    const parts: Record<string, Buffer> = {};
    for (let i = 0; i < 3; i++) parts[`word/media/image${i}.png`] = randomBytes(MB);
    const data = await docxWith({ 'word/document.xml': documentXml(1_000), ...parts });
    const limits = { ...OFFICE_ZIP_LIMITS, maxTotalBytes: 2.5 * MB };
    await expect(inspectZip(data, limits)).rejects.toMatchObject({ reason: 'TOO_LARGE', atLeast: false });
    await expect(inspectZip(data, { ...limits, maxTotalBytes: 4 * MB })).resolves.toMatchObject({ totalBytes: expect.any(Number) });
  });

  it('refuses a package of more entries than a Word document has', async () => {
    await expectRefused(await manyEntriesDocx(OFFICE_ZIP_LIMITS.maxEntries + 1), 'TOO_MANY_ENTRIES');
    await expect(inspectZip(await manyEntriesDocx(100))).resolves.toMatchObject({ totalBytes: expect.any(Number) });
  });

  it.each([
    ['a parent directory', '../../etc/passwd'],
    ['an absolute path', '/etc/passwd/x.xm'],
    ['a drive letter', 'C:/windows/a.xml'],
    ['a backslash', 'word\\document.xm'],
  ])('refuses an entry name with %s', async (_what, name) => {
    const placeholder = 'x'.repeat(Buffer.byteLength(name));
    const zip = withRenamedEntry(await docxWith({ 'word/document.xml': documentXml(1_000), [placeholder]: 'data' }), placeholder, name);
    await expectRefused(zip, 'BAD_NAME');
  });

  it('refuses two entries of the same name', async () => {
    const zip = withRenamedEntry(await docxWith({ 'word/document.xml': documentXml(1_000), 'word/documenx.xml': 'data' }), 'word/documenx.xml', 'word/document.xml');
    await expectRefused(zip, 'BAD_NAME');
  });

  it('refuses a truncated package and bytes that are no zip', async () => {
    const data = await docxWith({ 'word/document.xml': documentXml(10_000) });
    await expectRefused(data.subarray(0, Math.floor(data.length / 2)), 'CORRUPT');
    await expectRefused(Buffer.from('PK\u0003\u0004 not really a zip'), 'CORRUPT');
  });
});

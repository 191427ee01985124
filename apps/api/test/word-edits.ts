import JSZip from 'jszip';

/** What Word writes when a case officer edits with track changes on. */
export const WORD_AUTHOR = 'Mette Sagsbehandler';
export const WORD_DATE = '2026-11-30T10:15:00Z';
export const COMMENT = 'Skal borgerne også nævnes her?';
export const REPLY = 'Ja, og de pårørende.';

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"';

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

/**
 * Our export, as Word saves it after a case officer struck "politiske", typed "overordnede",
 * and commented on "hele befolkningens sundhed" (with a reply): the tracked changes and the
 * comment written into its XML the way Word writes them.
 */
export async function editedInWord(exported: Buffer, options: { dropBlockIds?: boolean } = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(exported);
  let xml = await zip.file('word/document.xml')!.async('string');
  const revision = (id: number) => `w:id="${id}" w:author="${WORD_AUTHOR}" w:date="${WORD_DATE}"`;
  const struck = `den </w:t></w:r><w:del ${revision(9001)}><w:r><w:delText>politiske</w:delText></w:r></w:del><w:ins ${revision(9002)}><w:r><w:t>overordnede</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> ramme`;
  if (!xml.includes('den politiske ramme')) throw new Error('no “den politiske ramme” in the export');
  xml = xml.replace('den politiske ramme', struck);
  const commented = `for </w:t></w:r><w:commentRangeStart w:id="0"/>${run('hele befolkningens sundhed')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t xml:space="preserve">, på`;
  if (!xml.includes('for hele befolkningens sundhed, på')) throw new Error('no “for hele befolkningens sundhed, på” in the export');
  xml = xml.replace('for hele befolkningens sundhed, på', commented);
  if (options.dropBlockIds) xml = xml.replace(/<w:bookmarkStart [^>]*\/>/g, '').replace(/<w:bookmarkEnd [^>]*\/>/g, '');
  zip.file('word/document.xml', xml);
  const comment = (id: number, paraId: string, text: string) =>
    `<w:comment w:id="${id}" w:author="${WORD_AUTHOR}" w:date="${WORD_DATE}" w:initials="MS"><w:p w14:paraId="${paraId}"><w:r><w:t>${text}</w:t></w:r></w:p></w:comment>`;
  zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${NS}>${comment(0, '1A2B3C01', COMMENT)}${comment(1, '1A2B3C02', REPLY)}</w:comments>`);
  zip.file(
    'word/commentsExtended.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx ${NS}><w15:commentEx w15:paraId="1A2B3C01" w15:done="0"/><w15:commentEx w15:paraId="1A2B3C02" w15:paraIdParent="1A2B3C01" w15:done="0"/></w15:commentsEx>`,
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  const overrides = [
    ['/word/comments.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml'],
    ['/word/commentsExtended.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml'],
  ].filter(([part]) => !types.includes(`PartName="${part}"`));
  zip.file('[Content_Types].xml', types.replace('</Types>', `${overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('')}</Types>`));
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const links = [
    ['comments.xml', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments'],
    ['commentsExtended.xml', 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended'],
  ].filter(([target]) => !rels.includes(`Target="${target}"`));
  zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', `${links.map(([target, type], i) => `<Relationship Id="rIdWs${i}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`));
  return zip.generateAsync({ type: 'nodebuffer' });
}

import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** Parses `xml` with a strict XML 1.0 parser (saxes checks every character); throws on the first error. */
export function parseStrictXml(xml: string, name = 'xml'): void {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (error) => {
    throw new Error(`${name}: ${error.message}`);
  });
  parser.write(xml).close();
}

/** Every XML part of a DOCX (or other OOXML package), parsed strictly; resolves with the parts' names. */
export async function parseEveryXmlPart(docx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const names = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
  for (const name of names) parseStrictXml(await zip.file(name)!.async('string'), name);
  return names;
}

/** Every control character (C0 and C1, the allowed tab, line feed and return included), lone surrogates and U+FFFE/U+FFFF. */
export const EVERY_CONTROL_CHARACTER =
  Array.from({ length: 0xa0 }, (_, code) => String.fromCharCode(code))
    .filter((char) => char < ' ' || char > '~')
    .join('') + '\ud800 \udfff \ufffe\uffff';

/** A person's text with every control character in it. */
export const withControls = (text: string) => `${text}${EVERY_CONTROL_CHARACTER}${text}`;

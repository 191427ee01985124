import fontkit from '@pdf-lib/fontkit';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PDFDocument, PDFFont } from 'pdf-lib';
import { xmlSafeText } from '../safe-text';

/*
 * The one typeface of every PDF (memo, receipt, agreement): Noto Sans (SIL Open Font License),
 * embedded as a subset of the glyphs a document uses. It covers Latin (Ł, ø, ő, ş, …), Greek
 * and Cyrillic, and the signs the documents draw (»«, –, •, …), so text is set as written
 * rather than squeezed into the WinAnsi set of the standard PDF fonts.
 */

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
}

const FILES: Record<keyof PdfFonts, string> = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
};

const NAMES: Record<keyof PdfFonts, string> = {
  regular: 'NotoSans-Regular',
  bold: 'NotoSans-Bold',
  italic: 'NotoSans-Italic',
  boldItalic: 'NotoSans-BoldItalic',
};

/** The six capital letters that name a font subset ("ABCDEF+NotoSans-Regular", PDF 32000-1 §9.6.4). */
const subsetTag = () => Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26))).join('');

/**
 * No ligatures, kerning or contextual forms: one glyph per character, as the PDF draws them
 * with their advance widths anyway, so text extracts letter by letter; and fontkit lays text
 * out some fifteen times faster without them (0.15 ms rather than 2 ms a word, measured).
 * A fresh object for every font, since fontkit adds its defaults to the one it is given.
 */
const plainShaping = (): Record<string, boolean> => ({
  liga: false,
  clig: false,
  calt: false,
  kern: false,
  ccmp: false,
  locl: false,
  mark: false,
  mkmk: false,
  rlig: false,
});

let cached: Record<keyof PdfFonts, Uint8Array> | null = null;

/** The font files, read from disk once per process. */
function fontFiles(): Record<keyof PdfFonts, Uint8Array> {
  cached ??= {
    regular: readFileSync(require.resolve(FILES.regular)),
    bold: readFileSync(require.resolve(FILES.bold)),
    italic: readFileSync(require.resolve(FILES.italic)),
    boldItalic: readFileSync(require.resolve(FILES.boldItalic)),
  };
  return cached;
}

/** Embeds the given styles of the typeface in `pdf`, each as a subset of the glyphs drawn. */
export async function embedFonts<S extends keyof PdfFonts>(pdf: PDFDocument, styles: readonly S[]): Promise<Pick<PdfFonts, S>> {
  pdf.registerFontkit(fontkit);
  const files = fontFiles();
  const fonts = await Promise.all(
    styles.map(async (style) => [style, await pdf.embedFont(files[style], { subset: true, customName: `${subsetTag()}+${NAMES[style]}`, features: plainShaping() })] as const),
  );
  return Object.fromEntries(fonts) as Pick<PdfFonts, S>;
}

/**
 * Text as the PDF writers draw it: the cleaning of every writer (control characters out, Word's
 * line breaks as line feeds), composed (NFC, so "ø" typed as o + combining stroke is one glyph),
 * tabs and no-break spaces as spaces. A character the typeface has no glyph for (an emoji, a
 * CJK ideograph) becomes "?", so nothing is drawn as an empty box that reads as nothing.
 */
export function pdfText(value: string, font: PDFFont): string {
  const supported = characterSet(font);
  return [...xmlSafeText(value).replace(/\r\n?/g, '\n').normalize('NFC').replace(/\t/g, ' ').replace(/\u00a0/g, ' ')]
    .map((char) => (char === '\n' || supported.has(char.codePointAt(0) ?? 0) ? char : '?'))
    .join('');
}

const characterSets = new WeakMap<PDFFont, Set<number>>();

function characterSet(font: PDFFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

const widths = new WeakMap<PDFFont, Map<string, number>>();

/** The width of `text` at `size`, each text measured once per font (a document measures the same words again and again). */
export function textWidth(font: PDFFont, text: string, size: number): number {
  let known = widths.get(font);
  if (!known) {
    known = new Map();
    widths.set(font, known);
  }
  let width = known.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1000);
    known.set(text, width);
  }
  return (width * size) / 1000;
}

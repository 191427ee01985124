import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Poppler's own readers of a PDF, for the specs: which fonts it uses (pdffonts) and the text a
 * reader extracts (pdftotext). A spec that needs them fails, never skips, when they are missing.
 */

function poppler(tool: 'pdffonts' | 'pdftotext', pdf: Buffer, args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'aftalerum-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} was not found: install poppler-utils (apt-get install -y poppler-utils), which .ci/run installs too.`, { cause: error });
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PdfFontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** The fonts of a PDF as `pdffonts` lists them. */
export function pdfFonts(pdf: Buffer): PdfFontRow[] {
  const lines = poppler('pdffonts', pdf, []).split('\n');
  const rule = lines.findIndex((line) => line.startsWith('---'));
  return lines
    .slice(rule + 1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name, type (may hold spaces), encoding, emb, sub, uni, object, ID: the last five are single words.
      const words = line.trim().split(/\s+/);
      const [emb, sub, uni] = words.slice(-5, -2);
      return { name: words[0], type: words.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
    });
}

/** The text of a PDF as `pdftotext` extracts it: in reading order, or laid out as on the page (a table of contents' lines whole); pages end with a form feed. */
export function pdfText(pdf: Buffer, options: { layout?: boolean } = {}): string {
  return poppler('pdftotext', pdf, ['-enc', 'UTF-8', ...(options.layout ? ['-layout'] : [])]);
}

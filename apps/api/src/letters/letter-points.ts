/**
 * Splits the text of a letter (a hearing response sent as PDF or Word) into its numbered points.
 * A point starts at a numbered or bulleted line ("1.", "2)", "a)", "•", "–"); a letter without
 * any is split into its paragraphs. The letterhead, the greeting, the signature and page
 * furniture are dropped; a short heading line ("Ad fokusområdet om psykisk sygdom") is kept
 * with the point that follows it, since it says what the point is about.
 */

export interface LetterPoint {
  /** 1, 2, 3 … in the order of the letter. */
  number: number;
  text: string;
  /** The heading the point stands under in the letter, if any. */
  heading: string | null;
}

const MARKER = /^\s*(?:(?:\d{1,2}|[a-zA-ZæøåÆØÅ])[.)]|\(\d{1,2}\)|[•●▪■◦*–—-])\s+/;
const NOISE = [
  /^(?:kære|til)\b/i,
  /^(?:med )?(?:venlig(?:st)?|mange) hilsen/i,
  /^(?:vh|mvh)\b/i,
  /^side \d+( af \d+)?$/i,
  /^\d+\s*\/\s*\d+$/,
  /^(?:dato|journal(?:nr|nummer)?|j\.nr|sagsnr|vores ref|jeres ref|e-?mail|tlf|telefon|cvr|www\.|https?:)\b/i,
  /^[\w.+-]+@[\w-]+\.[\w.-]+$/,
  /^\d{1,2}\.\s*(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\s+\d{4}$/i,
  /^(?:høringssvar|vedr\.?|vedrørende|emne)\b.{0,120}$/i,
];

const isNoise = (line: string) => NOISE.some((pattern) => pattern.test(line));
/** A line that reads as a heading: short, without a full stop, not a point. */
const isHeading = (line: string) => line.length <= 80 && !/[.!?;,]$/.test(line) && !MARKER.test(line) && /[a-zA-ZæøåÆØÅ]/.test(line) && line.split(/\s+/).length <= 10;
const ends = (line: string) => /[.!?:]["”»)]?$/.test(line);

/** The paragraphs of the text: blank lines part them, and so does a line that ends a sentence (PDF text has no blank lines). */
function paragraphs(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push(current);
    current = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) {
      flush();
      continue;
    }
    if (MARKER.test(line) || isNoise(line)) flush();
    current.push(line);
    if (isNoise(line) || isHeading(line) || ends(line)) flush();
  }
  flush();
  return blocks;
}

/** Joins the lines of a paragraph, mending words hyphenated at a line break. */
const join = (lines: string[]) => lines.reduce((text, line) => (text.endsWith('-') && /^[a-zæøå]/.test(line) ? text.slice(0, -1) + line : text ? `${text} ${line}` : line), '');

export function splitLetter(text: string): LetterPoint[] {
  const blocks = paragraphs(text).map((lines) => join(lines));
  const marked = blocks.some((block) => MARKER.test(block));
  const points: Array<{ text: string; heading: string | null }> = [];
  let heading: string | null = null;
  let inPoint = false;
  for (const block of blocks) {
    if (isNoise(block)) {
      // The letterhead ends at the greeting, the letter at the signature.
      heading = null;
      inPoint = false;
      continue;
    }
    if (isHeading(block)) {
      heading = block;
      inPoint = false;
      continue;
    }
    if (MARKER.test(block)) {
      points.push({ text: block.replace(MARKER, '').trim(), heading });
      inPoint = true;
    } else if (marked && inPoint) {
      // The rest of a numbered point: its further paragraphs, or lines a PDF broke apart.
      points[points.length - 1].text += ` ${block}`;
    } else if (block.length >= 25) {
      points.push({ text: block, heading });
    }
  }
  return points.filter((point) => point.text.length > 0).map((point, index) => ({ number: index + 1, ...point }));
}

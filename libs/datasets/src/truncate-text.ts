/**
 * `text` cut to at most `maxChars` UTF-16 code units, never between the halves of a surrogate
 * pair, with the whitespace the cut leaves at the end removed. Shorter text is returned as is.
 */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const last = text.charCodeAt(maxChars - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? maxChars - 1 : maxChars;
  return text.slice(0, end).trimEnd();
}

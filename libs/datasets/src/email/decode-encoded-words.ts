import { decodeCharset } from './decode-charset';

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

function wordBytes(encoding: string, text: string): Uint8Array {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64');
  const binary = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(binary, 'latin1');
}

/**
 * Decodes a header value given as a binary string (one character per byte): RFC 2047 encoded
 * words (`=?iso-8859-1?Q?caf=E9?=`, `=?utf-8?B?...?=`) are decoded in their charset, the
 * whitespace between two adjacent encoded words is dropped, and the other bytes are read as
 * UTF-8 or windows-1252.
 */
export function decodeEncodedWords(binary: string): string {
  const joined = binary.replace(/(\?=)\s+(?==\?)/g, '$1');
  let text = '';
  let last = 0;
  for (const match of joined.matchAll(ENCODED_WORD)) {
    text += decodeCharset(Buffer.from(joined.slice(last, match.index), 'latin1'));
    // A charset may carry an RFC 2231 language suffix: `utf-8*en`.
    text += decodeCharset(wordBytes(match[2]!, match[3]!), match[1]!.split('*')[0]);
    last = match.index + match[0].length;
  }
  return text + decodeCharset(Buffer.from(joined.slice(last), 'latin1'));
}

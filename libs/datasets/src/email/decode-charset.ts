/** Labels that promise plain ASCII or UTF-8; mail often lies about the first, so both get the UTF-8 attempt. */
const UTF8_OR_ASCII = /^(?:us-?ascii|ascii|utf-?8)$/i;

/**
 * Text from the bytes of a mail header or body part in `charset` (a MIME label such as
 * `iso-8859-1` or `koi8-r`). Without a label, with an ASCII or UTF-8 label, or with one the
 * runtime does not know, the bytes are read as UTF-8 when they are valid UTF-8 and as
 * windows-1252 otherwise — the usual repair for undeclared 8-bit mail.
 */
export function decodeCharset(bytes: Uint8Array, charset?: string): string {
  const label = charset?.trim().replace(/^"|"$/g, '');
  if (label && !UTF8_OR_ASCII.test(label)) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: fall through to the guess below.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

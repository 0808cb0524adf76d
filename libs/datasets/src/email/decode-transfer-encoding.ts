function quotedPrintableBytes(binary: string): Uint8Array {
  const unwrapped = binary.replace(/=[ \t]*\n/g, '');
  return Buffer.from(
    unwrapped.replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
}

/**
 * The bytes of a MIME body given as a binary string (one character per byte), undoing its
 * `Content-Transfer-Encoding`: base64 and quoted-printable are decoded, anything else (7bit,
 * 8bit, binary, none) is taken as it is.
 */
export function decodeTransferEncoding(binary: string, encoding: string | undefined): Uint8Array {
  switch (encoding?.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(binary, 'base64');
    case 'quoted-printable':
      return quotedPrintableBytes(binary);
    default:
      return Buffer.from(binary, 'latin1');
  }
}

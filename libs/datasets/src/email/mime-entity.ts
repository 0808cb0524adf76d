/** A message or MIME part split into its headers and its body, both binary strings. */
export interface MimeEntity {
  /** Unfolded header values by lowercase name; the first occurrence of a name wins. */
  headers: ReadonlyMap<string, string>;
  /** Everything after the blank line that ends the headers, with `\n` line ends. */
  body: string;
}

const HEADER_LINE = /^([^\s:]+):[ \t]*(.*)$/;

/**
 * Splits a message or MIME part (a binary string, `\n` or `\r\n` line ends) at the blank line
 * after its headers, skipping a leading mbox `From ` line. Text that does not open with a
 * header line has no headers: all of it is the body.
 */
export function parseMimeEntity(binary: string): MimeEntity {
  const lines = binary.replace(/\r\n?/g, '\n').split('\n');
  let index = lines[0]?.startsWith('From ') ? 1 : 0;
  const headers = new Map<string, string>();
  if (lines[index] !== '' && !HEADER_LINE.test(lines[index] ?? '')) return { headers, body: lines.slice(index).join('\n') };
  let current: [string, string] | undefined;
  const flush = () => {
    if (current && !headers.has(current[0])) headers.set(current[0], current[1].trim());
  };
  for (; index < lines.length && lines[index] !== ''; index++) {
    const line = lines[index]!;
    const header = HEADER_LINE.exec(line);
    if (/^[ \t]/.test(line) && current) current[1] += ` ${line.trim()}`;
    else if (header) {
      flush();
      current = [header[1]!.toLowerCase(), header[2]!];
    }
  }
  flush();
  return { headers, body: lines.slice(index + 1).join('\n') };
}

import { parseContentType } from './content-type';
import { decodeCharset } from './decode-charset';
import { decodeEncodedWords } from './decode-encoded-words';
import { decodeTransferEncoding } from './decode-transfer-encoding';
import { htmlToText } from './html-to-text';
import { parseMimeEntity, type MimeEntity } from './mime-entity';

/** The parts of an e-mail a text classifier reads. */
export interface EmailText {
  /** The decoded `Subject` header, whitespace collapsed; empty when there is none. */
  subject: string;
  /** The readable body text: no headers, MIME structure, transfer encoding or HTML tags. */
  body: string;
}

/** Nesting deeper than this (multiparts in multiparts, forwarded messages) is not read. */
const MAX_DEPTH = 8;

function splitMultipart(body: string, boundary: string): string[] | undefined {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const line of body.split('\n')) {
    const trimmed = line.trimEnd();
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (current) parts.push(current.join('\n'));
      current = trimmed === delimiter ? [] : undefined;
      if (!current) break;
    } else current?.push(line);
  }
  if (current) parts.push(current.join('\n'));
  return parts.length > 0 ? parts : undefined;
}

function mediaTypeOf(entity: MimeEntity): string {
  return parseContentType(entity.headers.get('content-type')).mediaType;
}

function leafText(entity: MimeEntity, charset: string | undefined): string {
  return decodeCharset(decodeTransferEncoding(entity.body, entity.headers.get('content-transfer-encoding')), charset);
}

/** The text pieces of an entity in reading order; attachments and non-text parts give none. */
function textsOf(entity: MimeEntity, depth: number): string[] {
  if (/^\s*attachment/i.test(entity.headers.get('content-disposition') ?? '')) return [];
  const { mediaType, parameters } = parseContentType(entity.headers.get('content-type'));
  if (mediaType.startsWith('multipart/')) {
    const boundary = parameters.get('boundary');
    const parts = boundary === undefined || depth >= MAX_DEPTH ? undefined : splitMultipart(entity.body, boundary);
    // A multipart without a usable boundary is shown as the plain text it then is.
    if (!parts) return [leafText(entity, undefined)];
    const children = parts.map(parseMimeEntity);
    if (mediaType === 'multipart/alternative') {
      // Alternatives say the same thing twice: take the plain text, else the first that has text.
      const plain = children.find((child) => mediaTypeOf(child) === 'text/plain');
      if (plain) return textsOf(plain, depth + 1);
      return children.map((child) => textsOf(child, depth + 1)).find((texts) => texts.some((text) => text.trim() !== '')) ?? [];
    }
    return children.flatMap((child) => textsOf(child, depth + 1));
  }
  if (mediaType === 'message/rfc822') return depth < MAX_DEPTH ? textsOf(parseMimeEntity(entity.body), depth + 1) : [];
  if (mediaType === 'text/html') return [htmlToText(leafText(entity, parameters.get('charset')))];
  if (mediaType === 'text/plain') return [leafText(entity, parameters.get('charset'))];
  return [];
}

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The subject and readable body of a raw RFC 822 message given as a binary string (one
 * character per byte, e.g. a file read as `latin1`). All headers except `Subject` are
 * dropped; MIME is unpacked: plain text is preferred among alternatives, HTML-only parts are
 * turned into text, attachments and non-text parts are skipped, base64 and quoted-printable
 * are decoded, and each part is read in its declared charset.
 */
export function parseEmailMessage(binary: string): EmailText {
  const message = parseMimeEntity(binary);
  const subject = decodeEncodedWords(message.headers.get('subject') ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const body = tidy(
    textsOf(message, 0)
      .map((text) => text.trim())
      .filter((text) => text !== '')
      .join('\n\n'),
  );
  return { subject, body };
}

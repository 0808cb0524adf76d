const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  bull: '•',
  middot: '·',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

function decodeEntity(entity: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
}

/** Marks a block boundary until runs of them are merged (a private-use character, `\uE000`, mail text does not hold). */
const BLOCK = '\uE000';

/**
 * The readable text of an HTML document or fragment, roughly as a mail client shows it:
 * comments, `<head>`, `<script>` and `<style>` are dropped, a run of block boundaries (`<p>`,
 * `<div>`, table rows, ...) becomes one line break and each `<br>` inside text one more, other
 * tags vanish, whitespace collapses, and character references are decoded.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|script|style|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<\/?(p|div|tr|li|ul|ol|table|h[1-6]|blockquote|pre|center)\b[^>]*>/gi, BLOCK)
    .replace(/<[^>]*>/g, '')
    .replace(/\s*\uE000[\s\uE000]*/g, '\n')
    .replace(/&(#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);?/g, (entity, body: string) => decodeEntity(entity, body))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

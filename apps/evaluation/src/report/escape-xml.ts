// Characters XML 1.0 forbids outright (C0 controls other than tab, newline and carriage return,
// lone surrogates, U+FFFE and U+FFFF): escaping cannot make them legal, so they become U+FFFD.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for XML and HTML, in element content and in quoted attribute values alike:
 * `& < > " '` become entities, and characters XML cannot carry at all become U+FFFD. Every
 * piece of user-controlled text (model names, class labels, column values) goes through here.
 *
 * @example escapeXml('<b> & "x"') // '&lt;b&gt; &amp; &quot;x&quot;'
 */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

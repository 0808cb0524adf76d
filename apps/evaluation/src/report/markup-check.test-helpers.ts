/**
 * A tiny, test-only well-formedness checker for the markup the report renders — not a parser
 * of arbitrary HTML. It checks that tags balance (with a stack), that every attribute is
 * `name="value"` with a quoted value free of `<` and of bare `&`, that text holds no bare `<`
 * or `&`, and, for XML, that there is one root element and only XML's predefined entities.
 */

/** HTML elements that take no closing tag. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const NAME = '[A-Za-z_][A-Za-z0-9_.:-]*';
const START_TAG = new RegExp(`<(${NAME})((?:\\s+[^\\s=/>"'<]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`, 'y');
const ATTRIBUTE = /\s+([^\s=/>"'<]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const END_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Problems with `&` in `text` (text content or an attribute value): each must start an entity. */
function ampersandProblems(text: string, mode: 'xml' | 'html', where: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/&([^;\s&<]*);?/g)) {
    const [whole, name] = [match[0], match[1]!];
    const numeric = /^#(\d+|x[0-9a-fA-F]+)$/.test(name);
    const named = /^[A-Za-z][A-Za-z0-9]*$/.test(name) && (mode === 'html' || XML_ENTITIES.has(name));
    if (!whole.endsWith(';') || !(numeric || named)) problems.push(`bare or unknown '&' in ${where}: ${JSON.stringify(whole)}`);
  }
  return problems;
}

/**
 * Every well-formedness problem found in `markup`, as readable messages (empty when it is
 * well formed), so a failing test says what is wrong. `html` mode allows a doctype and void
 * elements without closing tags; `xml` mode (standalone SVG) requires a single root element.
 */
export function wellFormednessProblems(markup: string, mode: 'xml' | 'html'): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let index = 0;
  const text = (content: string) => {
    problems.push(...ampersandProblems(content, mode, `text near offset ${index}`));
    if (stack.length === 0 && content.trim() !== '') problems.push(`text outside the root element: ${JSON.stringify(content.slice(0, 40))}`);
  };
  if (mode === 'xml' && XML_FORBIDDEN.test(markup)) problems.push('character not allowed in XML');
  while (index < markup.length) {
    const open = markup.indexOf('<', index);
    text(markup.slice(index, open === -1 ? markup.length : open));
    if (open === -1) break;
    index = open;
    if (markup.startsWith('<!--', open)) {
      const close = markup.indexOf('-->', open + 4);
      if (close === -1) return [...problems, `unterminated comment at ${open}`];
      index = close + 3;
      continue;
    }
    if (/^<!DOCTYPE html>/i.test(markup.slice(open, open + 15))) {
      if (mode !== 'html' || roots > 0 || stack.length > 0) problems.push(`misplaced doctype at ${open}`);
      index = open + 15;
      continue;
    }
    END_TAG.lastIndex = open;
    const end = END_TAG.exec(markup);
    if (end) {
      const name = end[1]!;
      const expected = stack.pop();
      if (expected !== name) problems.push(`</${name}> at ${open} closes ${expected === undefined ? 'nothing' : `<${expected}>`}`);
      index = END_TAG.lastIndex;
      continue;
    }
    START_TAG.lastIndex = open;
    const start = START_TAG.exec(markup);
    if (!start) {
      problems.push(`bare '<' or malformed tag at ${open}: ${JSON.stringify(markup.slice(open, open + 40))}`);
      index = open + 1;
      continue;
    }
    const [name, attributes, selfClosing] = [start[1]!, start[2]!, start[3] === '/'];
    const seen = new Set<string>();
    for (const attribute of attributes.matchAll(ATTRIBUTE)) {
      const [attributeName, value] = [attribute[1]!, attribute[2] ?? attribute[3]!];
      if (seen.has(attributeName)) problems.push(`duplicate attribute ${attributeName} on <${name}> at ${open}`);
      seen.add(attributeName);
      if (value.includes('<')) problems.push(`'<' in attribute ${attributeName} of <${name}> at ${open}`);
      problems.push(...ampersandProblems(value, mode, `attribute ${attributeName} of <${name}> at ${open}`));
    }
    if (stack.length === 0) roots += 1;
    if (!selfClosing && !(mode === 'html' && VOID_ELEMENTS.has(name.toLowerCase()))) stack.push(name);
    index = START_TAG.lastIndex;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.map((name) => `<${name}>`).join(' ')}`);
  if (mode === 'xml' && roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}

/** One element found by `elements`: its attributes and its text (tags inside it stripped). */
export interface FoundElement {
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
}

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}

/**
 * The elements named `tag` whose class list includes `className` (any, when omitted), in
 * document order. Only for elements that do not nest in themselves (`text`, `rect`, `polyline`…).
 * The text is decoded and excludes nested `<title>` tooltips.
 */
export function elements(markup: string, tag: string, className?: string): FoundElement[] {
  const found: FoundElement[] = [];
  const pattern = new RegExp(`<${tag}((?:\\s+[^\\s=/>]+="[^"]*")*)\\s*(?:/>|>([\\s\\S]*?)</${tag}>)`, 'g');
  for (const match of markup.matchAll(pattern)) {
    const attributes: Record<string, string> = {};
    for (const attribute of match[1]!.matchAll(/\s+([^\s=/>]+)="([^"]*)"/g)) attributes[attribute[1]!] = decode(attribute[2]!);
    if (className !== undefined && !(attributes['class'] ?? '').split(' ').includes(className)) continue;
    const inner = (match[2] ?? '').replace(/<title>[\s\S]*?<\/title>/g, '').replace(/<[^>]*>/g, '');
    found.push({ attributes, text: decode(inner) });
  }
  return found;
}

/** A number written by the report ("1,234", "−0.5") read back. */
export function readNumber(text: string): number {
  return Number(text.replace(/,/g, '').replace('\u2212', '-'));
}

/**
 * Problems with a run of axis ticks (empty when they are round): evenly spaced by a step of
 * 1, 2 or 5 times a power of ten, each a whole multiple of that step.
 */
export function roundTickProblems(ticks: readonly number[]): string[] {
  if (ticks.length < 2) return ticks.length === 1 ? [] : ['no ticks'];
  const step = ticks[1]! - ticks[0]!;
  const exponent = Math.floor(Math.log10(step) + 1e-9);
  const multiple = step / 10 ** exponent;
  const problems: string[] = [];
  if (![1, 2, 5].some((round) => Math.abs(multiple - round) < 1e-9)) problems.push(`step ${step} is not 1, 2 or 5 × 10^k`);
  ticks.forEach((tick, index) => {
    if (Math.abs(tick / step - Math.round(tick / step)) > 1e-9) problems.push(`tick ${tick} is not a multiple of ${step}`);
    if (index > 0 && Math.abs(tick - ticks[index - 1]! - step) > step * 1e-9) problems.push(`uneven spacing before ${tick}`);
  });
  return problems;
}

/** The tick values written on an axis of a chart. */
export function ticksOf(svg: string, axis: 'x' | 'y'): number[] {
  return elements(svg, 'text', `tick-${axis}`).map((element) => readNumber(element.text));
}

/** The plot area rectangle of a chart. */
export function plotAreaOf(svg: string): { x: number; y: number; width: number; height: number } {
  const [area] = elements(svg, 'rect', 'plot-area');
  if (!area) throw new Error('no plot area');
  const { x, y, width, height } = area.attributes;
  return { x: Number(x), y: Number(y), width: Number(width), height: Number(height) };
}

/** A child of an element: text is always set as text, never parsed as HTML. */
export type Child = Node | string | number | null | undefined | false;

type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

function fill<E extends Element>(element: E, attributes: Attributes, children: readonly Child[]): E {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'number' ? String(child) : child);
  }
  return element;
}

/** An HTML element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  return fill(document.createElement(tag), attributes, children);
}

/** An SVG element with attributes and children. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  return fill(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
}

/** A table with a header row and one row per item. */
export function table<T>(columns: readonly { readonly title: string; readonly cell: (item: T) => Child; readonly numeric?: boolean }[], items: readonly T[], attributes: Attributes = {}): HTMLTableElement {
  return h(
    'table',
    attributes,
    h('thead', {}, h('tr', {}, ...columns.map((column) => h('th', { class: column.numeric ? 'numeric' : undefined }, column.title)))),
    h('tbody', {}, ...items.map((item) => h('tr', {}, ...columns.map((column) => h('td', { class: column.numeric ? 'numeric' : undefined }, column.cell(item)))))),
  );
}

/** A link to a route of the dashboard. */
export const link = (route: string, ...children: Child[]): HTMLAnchorElement => h('a', { href: `#${route}` }, ...children);

/** A progress bar; `fraction` in [0, 1]. */
export function progressBar(fraction: number, label: string): HTMLElement {
  const bar = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.round(fraction * 100), 'aria-label': label });
  const fill = h('div', { class: 'progress-fill' });
  // Set through the CSSOM: the page's Content-Security-Policy forbids style attributes.
  fill.style.width = `${(fraction * 100).toFixed(1)}%`;
  bar.append(fill);
  return bar;
}

/** A small coloured label, e.g. a job's state. */
export const badge = (text: string, kind: string = text): HTMLElement => h('span', { class: `badge badge-${kind}` }, text);

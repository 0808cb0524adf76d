/** A parsed `Content-Type` header. */
export interface ContentType {
  /** Lowercase `type/subtype`; `text/plain` when the header is missing or unreadable. */
  mediaType: string;
  /** Parameters by lowercase name, quotes removed (`boundary`, `charset`, ...). */
  parameters: ReadonlyMap<string, string>;
}

const PARAMETER = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;]*))/g;

/** Parses a `Content-Type` header value such as `multipart/alternative; boundary="=_x"`. */
export function parseContentType(value: string | undefined): ContentType {
  const mediaType = /^\s*([\w.+-]+\/[\w.+-]+)/.exec(value ?? '')?.[1]?.toLowerCase() ?? 'text/plain';
  const parameters = new Map<string, string>();
  for (const match of (value ?? '').matchAll(PARAMETER)) {
    const name = match[1]!.toLowerCase();
    if (!parameters.has(name)) parameters.set(name, match[2]?.replace(/\\(.)/g, '$1') ?? match[3] ?? '');
  }
  return { mediaType, parameters };
}

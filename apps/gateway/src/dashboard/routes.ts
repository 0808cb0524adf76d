/** The dashboard's pages, addressed by the URL's fragment so the gateway serves one page. */
export type Route =
  | { readonly page: 'overview' }
  | { readonly page: 'job'; readonly jobId: string }
  | { readonly page: 'model'; readonly modelName: string; readonly version: number | undefined };

/** The route of a location hash such as "#/models/penguins/versions/2"; the overview for anything else. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  let decoded: string[];
  try {
    decoded = parts.map(decodeURIComponent);
  } catch {
    return { page: 'overview' };
  }
  if (decoded[0] === 'jobs' && decoded.length === 2) return { page: 'job', jobId: decoded[1]! };
  if (decoded[0] === 'models' && decoded.length === 2) return { page: 'model', modelName: decoded[1]!, version: undefined };
  if (decoded[0] === 'models' && decoded.length === 4 && decoded[2] === 'versions' && /^[1-9]\d{0,8}$/.test(decoded[3]!)) {
    return { page: 'model', modelName: decoded[1]!, version: Number(decoded[3]) };
  }
  return { page: 'overview' };
}

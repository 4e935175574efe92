/** Schemes a reply's link may use; anything else (javascript:, data:, relative paths) is dropped. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const HTTP_SCHEMES = new Set(['http:', 'https:']);

function absolute(url: string, schemes: Set<string>): string {
  try {
    const u = new URL(url.trim());
    return schemes.has(u.protocol) ? u.href : '';
  } catch {
    return '';
  }
}

/** The URL a reply's link may point to, or '' when it must stay text. */
export function safeLinkUrl(url: string): string {
  return absolute(url, LINK_SCHEMES);
}

/** An absolute http(s) URL, or '': where a reply's image may be loaded from (only ever on request), or an MCP server. */
export function httpUrl(url: string): string {
  return absolute(url, HTTP_SCHEMES);
}

import type { WebSearchOptions } from '../../domain/normalize';

export function describeWebSearch(ws: WebSearchOptions): string {
  return ws.enabled ? `search: ${ws.mode} · ${ws.maxResults} · ${ws.freshness} · ${ws.lang}` : 'search: off';
}

/** The web-search options a user message was sent with, so a reply's searching can be explained later. */
export function SearchBadge({ webSearch }: { webSearch: WebSearchOptions }) {
  const text = describeWebSearch(webSearch);
  return (
    <span
      title="Web-search options this message was sent with"
      className={`inline-block rounded-full border px-2 py-0.5 text-2xs ${webSearch.enabled ? 'border-accent/40 text-accent' : 'border-line text-ink-muted'}`}
    >
      {text}
    </span>
  );
}

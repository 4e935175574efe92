import type { WebSearchOptions } from '../../domain/normalize';
import type { Messages } from '../../i18n';
import { useT } from '../../i18n/useT';

function describeWebSearch(t: Messages, ws: WebSearchOptions): string {
  return ws.enabled ? t.search.badge(ws.mode, ws.maxResults, ws.freshness, ws.lang) : t.search.badgeOff;
}

/** The web-search options a user message was sent with, so a reply's searching can be explained later. */
export function SearchBadge({ webSearch }: { webSearch: WebSearchOptions }) {
  const t = useT();
  return (
    <span
      title={t.search.badgeTitle}
      className={`inline-block rounded-full border px-2 py-0.5 text-2xs ${webSearch.enabled ? 'border-accent/40 text-accent' : 'border-line text-ink-muted'}`}
    >
      {describeWebSearch(t, webSearch)}
    </span>
  );
}

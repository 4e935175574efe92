import { useEffect, useMemo, useState } from 'react';
import { Button } from '../../ui/Button';
import { extractSources, splitSourcesSection, type Source } from '../../domain/sources';
import { useT } from '../../i18n/useT';

/** `value` once a frame has been painted since it was given; until then the one before (at first, `initial`). */
function useAfterPaint<T>(value: T, initial: T): T {
  const [shown, setShown] = useState(initial);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame's callbacks run before its paint; a timer set from one runs after it.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setShown(value))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return shown;
}

/** A longer list shows this many at first, and a button for the rest. */
const FIRST_SOURCES = 10;

/**
 * A reply's text to show (without the list of sources it may end with) and its sources:
 * that list's first, in its order, then the other links it cites. Found once the reply
 * has finished and is on screen: a long reply can cite hundreds of links, and laying
 * them out held its last words back (1,400 elements of style and layout in the task
 * that finished the benchmark's reply).
 */
export function useReplySources(content: string, streaming: boolean): { body: string; sources: readonly Source[] } {
  const { body, section } = useMemo(() => splitSourcesSection(content, streaming), [content, streaming]);
  const listed = useAfterPaint(streaming ? '' : section ? `${section}\n\n${body}` : content, '');
  const sources = useMemo(() => extractSources(listed), [listed]);
  return { body, sources };
}

/** The links a reply cites, compact and clickable: domain and title, no favicons fetched. */
export function SourcesList({ sources }: { sources: readonly Source[] }) {
  const t = useT();
  const [all, setAll] = useState(false);
  if (sources.length === 0) return null;
  // A few more than FIRST_SOURCES are all shown: a button for two more links would be silly.
  const shown = all || sources.length <= FIRST_SOURCES + 2 ? sources : sources.slice(0, FIRST_SOURCES);
  return (
    <section aria-label={t.search.sources} className="mt-3">
      <h3 className="text-2xs font-semibold uppercase tracking-wide text-ink-muted">{t.search.sources}</h3>
      <ol className="mt-1.5 flex flex-wrap gap-1.5 text-xs">
        {shown.map((s, i) => (
          <li key={s.url} className="min-w-0 max-w-full">
            <a
              href={s.url}
              target="_blank"
              rel="noopener noreferrer"
              title={`${s.title}\n${s.url}`}
              className="flex max-w-72 items-center gap-1.5 rounded-full border border-line bg-surface-raised px-2.5 py-1 hover:border-accent/50 hover:bg-surface-sunken"
            >
              <span aria-hidden="true" className="text-ink-muted">
                {i + 1}
              </span>
              <span className="shrink-0 font-medium">{s.domain}</span>
              <span className="sr-only"> — </span>
              <span className="min-w-0 truncate text-ink-muted">{s.title}</span>
            </a>
          </li>
        ))}
      </ol>
      {shown.length < sources.length && (
        <Button variant="ghost" size="sm" className="mt-1" onClick={() => setAll(true)}>
          {t.search.showAllSources(sources.length)}
        </Button>
      )}
    </section>
  );
}

import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { RawLog } from '../../api';
import { useI18n } from '../../i18n/useT';
import { whenIdle } from '../../ui/idle';
import { fragmentOf } from './fragment';

/** How long one idle moment may spend reading events ahead. */
const READ_AHEAD_MS = 5;

const ROW = 22;
/** The list's height (h-72), known before it is laid out. */
const HEIGHT = 288;

/** Every raw SSE event with its arrival offset; virtualized, so 10,000 events scroll smoothly. */
export function EventList({ raw }: { raw: RawLog }) {
  const { t, f } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  // The dialog is shown (showModal) after this list's first layout, so the first measure finds no
  // height and no rows were drawn until a ResizeObserver callback came: the list started with the
  // height it will have, and a measure of nothing (not laid out yet) is not taken for its size.
  const virtualizer = useVirtualizer({
    count: raw.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 20,
    initialRect: { width: 0, height: HEIGHT },
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => rect.height > 0 && cb(rect)),
  });
  // The events are read from the stream's bytes as rows ask for them; what the person may
  // scroll to is read ahead at idle, a few ms at a time, so that a jump to the end is not one long task.
  useEffect(() => {
    let cancel: () => void;
    const step = () => {
      if (!raw.readAhead(READ_AHEAD_MS)) cancel = whenIdle(step);
    };
    cancel = whenIdle(step);
    return () => cancel();
  }, [raw]);
  return (
    <div
      ref={scroller}
      role="list"
      aria-label={t.inspector.rawEventsList}
      tabIndex={0}
      style={{ height: HEIGHT }}
      className="overflow-auto rounded-md border border-line bg-surface-sunken font-mono text-2xs"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const e = raw.get(row.index);
          const fragment = fragmentOf(e.data);
          return (
            <div
              key={row.key}
              role="listitem"
              title={e.data}
              className="absolute left-0 right-0 flex gap-3 truncate whitespace-pre px-2 leading-[22px]"
              style={{ top: row.start, height: ROW }}
            >
              <span className="w-16 shrink-0 text-right text-ink-muted">+{t.inspector.ms(f.number(Math.round(e.at)))}</span>
              {e.event && <span className="shrink-0 text-warn">event: {e.event}</span>}
              {/* What the event adds leads; the whole event follows, and shows in full on hover. */}
              {fragment && <span className="max-w-[50%] shrink-0 truncate text-ink">{fragment}</span>}
              <span className={`truncate ${fragment ? 'text-ink-muted' : ''}`}>{e.data === '' ? t.inspector.heartbeat : e.data}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

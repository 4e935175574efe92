import { useCallback, useLayoutEffect, useRef, useState, type HTMLAttributes, type RefObject } from 'react';

/** Keys that move a scrolled view up (Space only with Shift), and down. */
const UP_KEYS = new Set(['ArrowUp', 'PageUp', 'Home', ' ']);
const DOWN_KEYS = new Set(['ArrowDown', 'PageDown', ' ']);

/** How close to the end counts as at the end, px. */
const AT_END = 48;
/** How long a move the person made down (a smooth scroll, a drag) is taken to go on, ms. */
const MOVE_MS = 1000;

/**
 * Keeps a scroll container at its end while its content grows, until the person moves
 * the view up; moving it down to the end again (or End, or `follow()`) resumes.
 *
 * Only the person stops or resumes the following, and scroll events alone cannot tell
 * who moved the view: content that grows or is re-measured moves the end away, and its
 * events can come before the view has followed it. So the person's own moves (wheel,
 * keys, touch, the scrollbar) decide at once; otherwise (find in page, focus moving to a
 * control above) the view is taken to have been moved when it is above where the
 * following last put it, and not at the end.
 */
export function useFollowEnd(scroller: RefObject<HTMLElement | null>, rowsSelector: string) {
  // A ref, read and written within events (a move up must not be undone by a follow
  // queued before React renders), and state, for what is shown (a Jump to latest button).
  const following = useRef(true);
  const [pinned, setPinnedState] = useState(true);
  /** What last let go of the end (data-unpinned-by on the container): to tell, when the view was let go unasked, which rule did it. */
  const unpinnedBy = useRef('');
  const setPinned = (value: boolean, by = '') => {
    following.current = value;
    unpinnedBy.current = by;
    setPinnedState(value);
  };
  const lastTop = useRef(0);
  const lastHeight = useRef(0);
  const dragging = useRef(false);
  /** When the person last moved the view down. */
  const movedDownAt = useRef(-Infinity);
  const touchY = useRef<number | undefined>(undefined);
  const movedDown = () => (movedDownAt.current = performance.now());

  /** Where the following last put the view. */
  const followedTo = useRef(0);

  /** To the end, if following. */
  const toEnd = useCallback(() => {
    const el = scroller.current;
    if (!el || !following.current) return;
    el.scrollTop = el.scrollHeight;
    followedTo.current = el.scrollTop;
  }, [scroller]);

  // A row can grow after the render that followed it, as the frame is laid out (a block
  // that comes into view is laid out in full only then): it is followed before the
  // paint, not a frame later. A size change, unlike a scroll, is never the person's doing.
  const rowsObserver = useRef<ResizeObserver>(undefined);
  useLayoutEffect(() => {
    const rows = scroller.current?.querySelector(rowsSelector);
    if (!rows || !pinned) return;
    const observer = (rowsObserver.current ??= new ResizeObserver(toEnd));
    for (const row of rows.children) observer.observe(row);
    return () => observer.disconnect();
  });

  // Nothing below the view (the content shrank under it, and fits): nothing to jump to.
  useLayoutEffect(() => {
    const el = scroller.current;
    // Known only once laid out: a layout effect is where it can be read.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (!pinned && el && el.scrollHeight <= el.clientHeight + 1) setPinned(true);
  });

  /** For the scroll container. */
  const props: HTMLAttributes<HTMLElement> & { 'data-unpinned-by'?: string } = {
    'data-unpinned-by': pinned ? undefined : unpinnedBy.current,
    // The browser's scroll anchoring keeps what is in view in place as content above it
    // changes size: right while the person reads, in the way while the view follows the end.
    style: { overflowAnchor: pinned ? 'none' : 'auto' },
    onScroll(e) {
      const el = e.currentTarget;
      const up = el.scrollTop < lastTop.current - 1;
      // What the content grew by since the last event: the end the person reached has moved on by that much.
      const grew = Math.max(0, el.scrollHeight - lastHeight.current);
      const shrank = el.scrollHeight < lastHeight.current - 1;
      lastTop.current = el.scrollTop;
      lastHeight.current = el.scrollHeight;
      const fromEnd = el.scrollHeight - el.scrollTop - el.clientHeight;
      // The person's move down (End, Page Down, …) scrolls smoothly toward where the end was, and
      // may still be on its way after the following has moved the view past it: not a move up.
      const movingDown = performance.now() - movedDownAt.current < MOVE_MS;
      if (following.current) {
        if (up && dragging.current) setPinned(false, 'scrollbar');
        else if (!movingDown && el.scrollTop < followedTo.current - 1 && fromEnd >= AT_END)
          setPinned(
            false,
            `position ${Math.round(el.scrollTop)} < ${Math.round(followedTo.current)}, ${Math.round(fromEnd)} from the end of ${Math.round(el.scrollHeight)}`,
          );
      } else if ((!up && movingDown && fromEnd < AT_END + grew) || (shrank && fromEnd < 1)) setPinned(true);
    },
    onWheel: (e) => (e.deltaY < 0 ? setPinned(false, 'wheel') : movedDown()),
    onTouchStart: (e) => (touchY.current = e.touches[0]?.clientY),
    onTouchMove(e) {
      const y = e.touches[0]?.clientY;
      if (y !== undefined && touchY.current !== undefined) {
        if (y > touchY.current + 2) setPinned(false, 'touch');
        else if (y < touchY.current - 2) movedDown();
      }
      touchY.current = y;
    },
    onKeyDown(e) {
      if (e.key === 'End') {
        movedDown();
        setPinned(true);
      } else if (UP_KEYS.has(e.key) && !(e.key === ' ' && !e.shiftKey)) setPinned(false, `key ${e.key}`);
      else if (DOWN_KEYS.has(e.key)) movedDown();
    },
    onPointerDown(e) {
      // On the container itself, not its content: the scrollbar.
      dragging.current = e.target === e.currentTarget;
      if (dragging.current) movedDown();
    },
    onPointerUp: () => (dragging.current = false),
  };

  return { pinned, follow: () => setPinned(true), toEnd, props };
}

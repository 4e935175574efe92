import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * When one update brings more runs than this (a backlog read at once), these last ones
 * render first and the others after, a few per task: what a person sees of a reply
 * that streams in is its end, and rendering every run first would hold back its paint.
 * A reply rendered anew (opened, or come into view as the person scrolls down to it)
 * renders whole: its beginning may be what shows.
 */
const FIRST_RUNS = 4;
/**
 * Runs held back that are rendered per task (cheap, as plain text): few tasks, as each
 * also re-measures the list and moves the view to the end.
 */
const FILL_STEP = 48;

/**
 * The runs held back, [from, to), of `count` (see FIRST_RUNS): they are rendered a few
 * per task, from the first, while the runs after them are already on screen.
 */
export function useHeldRuns(count: number): { from: number; to: number } {
  const [held, setHeld] = useState({ from: 0, to: 0 });
  /** How many runs there were at the last commit (at the first render: none are held). */
  const committed = useRef(count);
  useLayoutEffect(() => void (committed.current = count));
  const holding = held.from < held.to;
  if (count - committed.current > FIRST_RUNS && !(holding && held.to === count - FIRST_RUNS)) {
    // A held range not done yet goes on to the new runs (the few rendered in between go back into it).
    setHeld({ from: holding ? held.from : committed.current, to: count - FIRST_RUNS });
  }
  useEffect(() => {
    if (!holding) return;
    // A task each, so that the page paints and takes input in between.
    const timer = setTimeout(() => flushSync(() => setHeld((h) => ({ ...h, from: Math.min(h.from + FILL_STEP, h.to) }))));
    return () => clearTimeout(timer);
  }, [holding, held.from]);
  // Fewer runs than before: the text was replaced.
  const to = Math.min(held.to, count);
  return { from: Math.min(held.from, to), to };
}

// A long reply is many screens tall, and most of it is out of sight: its blocks are
// parsed when they come within reach of the visible part of their scroll container.

/** How far beyond the visible part a block counts as near: a height of the container above and below. */
const REACH = '100% 0px';

/** One observer per scroll container (held weakly: the message list is made anew per conversation), and one for the page. */
const observers = new WeakMap<Element, IntersectionObserver>();
let pageObserver: IntersectionObserver | undefined;
/** Blocks waiting to come within reach: what to call then, the observer watching them, and their scroll container (null: the page). */
const waiting = new WeakMap<Element, { near: () => void; observer: IntersectionObserver; root: Element | null }>();
/** Blocks within reach as of the latest observation: a fast stream carries many past before their turn comes. */
const inReach = new WeakSet<Element>();
/** By the element's parent (a reply): its blocks share one, and reading styles forces a style recalculation. */
const containers = new WeakMap<Element, Element | null>();

function scrollContainerOf(el: Element): Element | null {
  const parent = el.parentElement;
  if (parent && containers.has(parent)) return containers.get(parent)!;
  let found: Element | null = null; // the page itself
  for (let p = parent; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') {
      found = p;
      break;
    }
  }
  if (parent) containers.set(parent, found);
  return found;
}

/** Scroll containers whose blocks out of sight wait (see holdOutOfSight). */
const holding = new WeakSet<Element>();
/** Blocks within reach but out of sight of a container that holds them. */
const held = new Set<Element>();

function inSight(el: Element, root: Element): boolean {
  const box = el.getBoundingClientRect();
  const view = root.getBoundingClientRect();
  return box.bottom > view.top && box.top < view.bottom;
}

/** How long one task may spend on blocks that came within reach, before the page gets to render. */
const SLICE_MS = 6;
const due: Element[] = [];
let draining = false;

/**
 * Blocks that came within reach are parsed a few at a time: a fast stream or a jump
 * can bring dozens at once, and parsing them in one go would be one long task.
 */
function drain(): void {
  const start = performance.now();
  while (due.length && performance.now() - start < SLICE_MS) {
    const el = due.shift()!;
    // Out of reach again by its turn: it waits, still observed, until it comes back.
    const watch = waiting.get(el);
    if (!watch || !inReach.has(el)) continue;
    if (watch.root && holding.has(watch.root) && !inSight(el, watch.root)) {
      held.add(el);
      continue;
    }
    waiting.delete(el);
    watch.observer.unobserve(el);
    watch.near();
  }
  if (due.length) setTimeout(drain, 0);
  else draining = false;
}

function enqueue(el: Element): void {
  if (!due.includes(el)) due.push(el);
  if (!draining) {
    draining = true;
    setTimeout(drain, 0);
  }
}

function observerFor(root: Element | null): IntersectionObserver {
  const existing = root ? observers.get(root) : pageObserver;
  if (existing) return existing;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) {
          inReach.delete(entry.target);
          continue;
        }
        inReach.add(entry.target);
        if (waiting.has(entry.target)) enqueue(entry.target);
      }
    },
    { root, rootMargin: REACH },
  );
  if (root) observers.set(root, observer);
  else pageObserver = observer;
  return observer;
}

/**
 * Calls `near` once, soon after `el` comes within reach of what its scroll container
 * shows (it should render at once, e.g. with flushSync, to count in its slice); returns a cancel.
 */
export function whenNear(el: Element, near: () => void): () => void {
  const root = scrollContainerOf(el);
  const observer = observerFor(root);
  waiting.set(el, { near, observer, root });
  observer.observe(el);
  return () => {
    waiting.delete(el);
    held.delete(el);
    observer.unobserve(el);
    const queued = due.indexOf(el);
    if (queued >= 0) due.splice(queued, 1);
  };
}

/**
 * While a scroll container follows the end of a streaming reply, its blocks within
 * reach but out of sight wait: the stream carries them away faster than a person
 * could scroll to them, and parsing them takes time from the stream's own updates.
 * Blocks in sight are parsed as ever. Returns the release: the blocks still in reach
 * are then parsed as usual (the person scrolled up, or the reply ended).
 */
export function holdOutOfSight(root: Element): () => void {
  holding.add(root);
  return () => {
    holding.delete(root);
    for (const el of held) {
      if (waiting.get(el)?.root !== root) continue;
      held.delete(el);
      if (inReach.has(el)) enqueue(el);
    }
  };
}

// A long reply is many screens tall, and most of it is out of sight: its blocks are
// parsed when they come within reach of the visible part of their scroll container.

/** How far beyond the visible part a block counts as near: two heights of the container above and below. */
const REACH = '200% 0px';

/** One observer per scroll container (held weakly: the message list is made anew per conversation), and one for the page. */
const observers = new WeakMap<Element, IntersectionObserver>();
let pageObserver: IntersectionObserver | undefined;
const callbacks = new WeakMap<Element, () => void>();
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

/** How long one task may spend on blocks that came within reach, before the page gets to render. */
const SLICE_MS = 6;
const due: (() => void)[] = [];
let draining = false;

/**
 * Blocks that came within reach are parsed a few at a time: a fast stream or a jump
 * can bring dozens at once, and parsing them in one go would be one long task.
 */
function drain(): void {
  const start = performance.now();
  while (due.length && performance.now() - start < SLICE_MS) due.shift()!();
  if (due.length) setTimeout(drain, 0);
  else draining = false;
}

function enqueue(near: () => void): void {
  due.push(near);
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
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const near = callbacks.get(entry.target);
        callbacks.delete(entry.target);
        if (near) enqueue(near);
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
  const observer = observerFor(scrollContainerOf(el));
  callbacks.set(el, near);
  observer.observe(el);
  return () => {
    callbacks.delete(el);
    observer.unobserve(el);
    const queued = due.indexOf(near);
    if (queued >= 0) due.splice(queued, 1);
  };
}

// A long reply is many screens tall, and most of it is out of sight: its blocks are
// parsed when they come within reach of the visible part of their scroll container.

/** How far beyond the visible part a block counts as near: two heights of the container above and below. */
const REACH = '200% 0px';

const observers = new Map<Element | null, IntersectionObserver>();
const callbacks = new WeakMap<Element, () => void>();

function scrollContainerOf(el: Element): Element | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return null; // the page itself
}

function observerFor(root: Element | null): IntersectionObserver {
  let observer = observers.get(root);
  if (!observer) {
    const o = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          o.unobserve(entry.target);
          callbacks.get(entry.target)?.();
          callbacks.delete(entry.target);
        }
      },
      { root, rootMargin: REACH },
    );
    observers.set(root, o);
    observer = o;
  }
  return observer;
}

/** Calls `near` once, when `el` comes within reach of what its scroll container shows; returns a cancel. */
export function whenNear(el: Element, near: () => void): () => void {
  const observer = observerFor(scrollContainerOf(el));
  callbacks.set(el, near);
  observer.observe(el);
  return () => {
    callbacks.delete(el);
    observer.unobserve(el);
  };
}

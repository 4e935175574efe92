// micromark's browser build decodes named character references (&amp;) through a DOM
// element, which a worker has none of. To time a parse, every name may as well be unknown:
// this element gives back what it is given, which the decoder reads as "not a reference".
const element = {
  innerHTML: '',
  get textContent() {
    return this.innerHTML;
  },
};
(globalThis as { document?: unknown }).document ??= { createElement: () => element };

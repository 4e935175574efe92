// micromark combines its syntax extensions (CommonMark's and GFM's, ~200 hooks) anew
// for every document it parses, and react-markdown parses each block as a document:
// a large part of every parse, for the same result. The build resolves micromark's
// `micromark-util-combine-extensions` to this module (see vite.config.ts), which
// combines each list of extensions once. micromark only reads the combined object.
import { combineExtensions as combine, combineHtmlExtensions } from 'micromark-util-combine-extensions';
import type { Extension, NormalizedExtension } from 'micromark-util-types';

export { combineHtmlExtensions };

/** The combination of each list, by the identity of its extensions (weakly: math's are made per block). */
interface Level {
  next: WeakMap<object, Level>;
  combined?: NormalizedExtension;
}
const root: Level = { next: new WeakMap() };

/** As micromark's combineExtensions, once for each list of the same extension objects. */
export function combineExtensions(extensions: readonly Extension[]): NormalizedExtension {
  let level = root;
  for (const extension of extensions) {
    let next = level.next.get(extension);
    if (!next) level.next.set(extension, (next = { next: new WeakMap() }));
    level = next;
  }
  return (level.combined ??= combine(extensions));
}

// Loaded only when a reply has math. KaTeX runs untrusted input with trust off
// (\href, \url and the like render as text) and with expansion and size bounded.
import 'katex/dist/katex.min.css';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import type { Options } from 'react-markdown';

type PluggableList = NonNullable<Options['remarkPlugins']>;

// Both are read through useMath.ts's dynamic import (@public: knip cannot follow it).
// Single dollars are usually prices, not math.
/** @public */
export const mathRemarkPlugins: PluggableList = [[remarkMath, { singleDollarTextMath: false }]];
/** @public */
export const mathRehypePlugins: PluggableList = [
  [rehypeKatex, { trust: false, strict: 'ignore', maxExpand: 200, maxSize: 20, output: 'htmlAndMathml' }],
];

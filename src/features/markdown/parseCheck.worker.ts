// Times the renderer on a block, off the main thread (see parseBudget.ts): the same
// parse and tree to elements as on the page, without the page's DOM.
import './workerDocument'; // first: react-markdown's parser looks for a document as it loads
import Markdown from 'react-markdown';
import { remarkGfm } from './gfm';

export interface ParseCheckRequest {
  id: number;
  text: string;
  /** A time over this is measured once more: the first may have been slowed by something else. */
  budgetMs: number;
}

export interface ParseCheckReply {
  id: number;
  ms: number;
  /** How long the sample took just before: the page tells a busy machine from a slow block by it. */
  sampleMs: number;
}

const plugins = [remarkGfm];

function time(text: string): number {
  const start = performance.now();
  try {
    Markdown({ children: text, remarkPlugins: plugins });
  } catch {
    return Infinity; // e.g. a stack overflow: not to be rendered on the page either
  }
  return performance.now() - start;
}

const SAMPLE =
  '# Title *em* **strong** `code` [link](https://example.com)\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n- one\n  1. two\n\n> quote\n\n```ts\nx\n```\n\n'.repeat(
    8,
  );
// A cold parser is several times slower than a warm one: it warms up before the first check.
for (let i = 0; i < 20; i++) time(SAMPLE);
self.postMessage('ready');

self.onmessage = ({ data }: MessageEvent<ParseCheckRequest>) => {
  const sampleMs = time(SAMPLE);
  let ms = time(data.text);
  if (ms > data.budgetMs && Number.isFinite(ms)) ms = Math.min(ms, time(data.text));
  self.postMessage({ id: data.id, ms, sampleMs } satisfies ParseCheckReply);
};

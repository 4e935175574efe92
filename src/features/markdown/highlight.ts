// Loaded only when a finished reply has a fenced code block. The grammars run in a
// worker (see highlight.worker.ts); here its syntax tree becomes React elements.
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import type { HighlightRequest } from './highlight.worker';

type Root = Parameters<typeof toJsxRuntime>[0];

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (tree: Root | null) => void>();

function highlighter(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<{ id: number; tree: Root | null }>) => {
      pending.get(data.id)?.(data.tree);
      pending.delete(data.id);
    };
    // A worker that cannot start or fails: the code stays as it is, unhighlighted.
    worker.onerror = () => {
      for (const settle of pending.values()) settle(null);
      pending.clear();
    };
  }
  return worker;
}

/**
 * Starts the worker, which takes a while to set up its grammars: done at idle before the
 * first reply, so that this is not done while a reply streams in, beside the stream's reader.
 */
export function startHighlighter(): void {
  highlighter();
}

/** The code as highlighted React elements, or undefined for a language the grammars do not know. */
export function highlight(code: string, language: string): Promise<ReactNode | undefined> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, (tree) => resolve(tree ? toJsxRuntime(tree, { Fragment, jsx, jsxs }) : undefined));
    highlighter().postMessage({ id, code, language } satisfies HighlightRequest);
  });
}

import type { ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { whenIdle } from '../../ui/idle';
import { startParseChecks } from './parseBudget';
import { loadHighlighter } from './CodeBlock';

// The first reply must not pay for compiling the renderer (a cold parser is slow: one
// long task at its start): a few tiny samples, one of each kind of block, are rendered
// unseen, a few ms of them per idle moment, as a tail (so nothing loads for them).
const WARM_UP = [
  '# Title with *emphasis*, **strong**, `code` and a [link](https://example.com)\n\nA paragraph.',
  '| a | b |\n| --- | ---: |\n| 1 | 2 |',
  '- one\n- two\n  1. nested\n  2. nested\n\n> quoted',
  '```ts\nconst x = 1;\n```',
];

/** Many rounds: the parser's hot paths are optimized only after some use, not at the first. */
const WARM_UP_ROUNDS = 40;
/** Samples are rendered for this long at each idle moment. */
const WARM_UP_SLICE_MS = 8;

/**
 * Renders the warm-up samples with `Markdown` at idle (once, as a first message is typed), then
 * loads the highlighter's module, so that the first finished code block does not wait
 * for it (nor the frame it finishes in pay for starting to load it), and starts the
 * worker that checks long blocks (see parseBudget.ts).
 */
export function warmUpWith(Markdown: ComponentType<{ text: string; streaming: boolean }>): void {
  const samples = Array.from({ length: WARM_UP_ROUNDS }, () => WARM_UP).flat();
  const next = () => {
    const start = performance.now();
    while (performance.now() - start < WARM_UP_SLICE_MS) {
      const text = samples.shift();
      if (text === undefined) {
        startParseChecks();
        return void loadHighlighter();
      }
      const root = createRoot(document.createElement('div'));
      flushSync(() => root.render(<Markdown text={text} streaming />));
      root.unmount();
    }
    whenIdle(next);
  };
  whenIdle(next);
}

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { CopyButton } from '../../ui/CopyButton';
import { useT } from '../../i18n/useT';

/** Whether the block being rendered is the streaming tail: its code is not highlighted yet. */
export const TailContext = createContext(false);

type Highlighter = typeof import('./highlight').highlight;
let highlighter: Promise<Highlighter> | undefined;
const loadHighlighter = () => (highlighter ??= import('./highlight').then((m) => m.highlight));

// Highlighting waits for idle time, a few blocks per slice: a long reply's dozens
// of code blocks never make one long task.
const jobs: (() => void)[] = [];
let draining = false;
function drain(deadline?: IdleDeadline): void {
  const start = performance.now();
  while (jobs.length && (deadline ? deadline.timeRemaining() > 2 : performance.now() - start < 8)) jobs.shift()!();
  if (jobs.length) scheduleDrain();
  else draining = false;
}
function scheduleDrain(): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(drain, { timeout: 1000 });
  else setTimeout(drain, 16);
}
function whenIdle(job: () => void): () => void {
  jobs.push(job);
  if (!draining) {
    draining = true;
    scheduleDrain();
  }
  return () => {
    const i = jobs.indexOf(job);
    if (i >= 0) jobs.splice(i, 1);
  };
}

/** A fenced code block: language label, copy button, and highlighting once the block is finished. */
export function CodeBlock({ language, code }: { language: string | undefined; code: string }) {
  const t = useT().markdown;
  const tail = useContext(TailContext);
  const [highlighted, setHighlighted] = useState<ReactNode | undefined>();
  useEffect(() => {
    if (tail || !language) return;
    let cancel: (() => void) | undefined;
    let live = true;
    void loadHighlighter().then((highlight) => {
      if (live) cancel = whenIdle(() => setHighlighted(highlight(code, language)));
    });
    return () => {
      live = false;
      cancel?.();
    };
  }, [tail, language, code]);
  return (
    <div className="code-block overflow-hidden rounded-lg border border-line">
      <div className="flex items-center justify-between border-b border-line bg-surface-raised px-3 py-0.5 text-2xs text-ink-muted">
        <span>{language ?? t.plainText}</span>
        <CopyButton variant="ghost" size="sm" label={t.copyCode} text={() => code} />
      </div>
      {/* Focusable, so that a long line can be scrolled from the keyboard. */}
      <pre tabIndex={0}>
        <code className={language ? `language-${language}` : undefined}>{highlighted ?? code}</code>
      </pre>
    </div>
  );
}

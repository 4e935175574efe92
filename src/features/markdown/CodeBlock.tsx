import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { CopyButton } from '../../ui/CopyButton';
import { useT } from '../../i18n/useT';
import { whenNear } from './nearViewport';

/** Whether the block being rendered is the streaming tail: its code is not highlighted yet. */
export const TailContext = createContext(false);
/** Whether the reply being rendered is still streaming. */
export const StreamingContext = createContext(false);

/**
 * While its reply streams, a finished code block waits this long before it is
 * highlighted, and then only if it is within reach of the view: a fast stream has
 * carried it far out of view by then (it is highlighted when scrolled to), a
 * person-paced one has not.
 */
const STREAMING_WAIT_MS = 300;

type Highlighter = typeof import('./highlight').highlight;
let highlighter: Promise<Highlighter> | undefined;
/** Loads the highlighter's module and starts its worker. */
export const loadHighlighter = () =>
  (highlighter ??= import('./highlight').then((m) => {
    m.startHighlighter();
    return m.highlight;
  }));

/** A fenced code block: language label, copy button, and highlighting once the block is finished. */
export function CodeBlock({ language, code }: { language: string | undefined; code: string }) {
  const t = useT().markdown;
  const tail = useContext(TailContext);
  const streaming = useContext(StreamingContext);
  const [highlighted, setHighlighted] = useState<ReactNode | undefined>();
  /** The code highlighting was asked for (an effect run again, as the reply ends, does not ask again). */
  const asked = useRef<string>(undefined);
  const pre = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const el = pre.current;
    if (tail || !language || !el || asked.current === code) return;
    let live = true;
    let cancel: (() => void) | undefined;
    const ask = () => {
      asked.current = code;
      void loadHighlighter()
        .then((highlight) => highlight(code, language))
        .then((elements) => live && setHighlighted(elements));
    };
    const timer = setTimeout(() => (cancel = whenNear(el, ask)), streaming ? STREAMING_WAIT_MS : 0);
    return () => {
      live = false;
      clearTimeout(timer);
      cancel?.();
    };
  }, [tail, language, code, streaming]);
  return (
    <div className="code-block overflow-hidden rounded-lg border border-line">
      <div className="flex items-center justify-between border-b border-line bg-surface-raised px-3 py-0.5 text-2xs text-ink-muted">
        <span>{language ?? t.plainText}</span>
        <CopyButton variant="ghost" size="sm" label={t.copyCode} text={() => code} />
      </div>
      {/* Focusable, so that a long line can be scrolled from the keyboard. */}
      <pre ref={pre} tabIndex={0}>
        <code className={language ? `language-${language}` : undefined}>{highlighted ?? code}</code>
      </pre>
    </div>
  );
}

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { CopyButton } from '../../ui/CopyButton';
import { useT } from '../../i18n/useT';

/** Whether the block being rendered is the streaming tail: its code is not highlighted yet. */
export const TailContext = createContext(false);

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
  const [highlighted, setHighlighted] = useState<ReactNode | undefined>();
  useEffect(() => {
    if (tail || !language) return;
    let live = true;
    void loadHighlighter()
      .then((highlight) => highlight(code, language))
      .then((elements) => live && setHighlighted(elements));
    return () => {
      live = false;
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

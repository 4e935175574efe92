import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import ReactMarkdown from 'react-markdown';
import { containerDepth, fencedCode, MAX_NESTING } from './blocks';
import { mathSpans, toDollars, withoutMath } from './spans';
import { overTaskBudget, timed, useParseVerdict } from './parseBudget';
import { CodeBlock, TailContext } from './CodeBlock';
import { components, plugins, urlTransform } from './elements';
import { useMath } from './useMath';
import { useT } from '../../i18n/useT';

/** One block's markdown, parsed once per distinct text (its time counted against the task's budget). */
const Formatted = memo(function Formatted({ text }: { text: string }) {
  const { module: math, waiting } = useMath(useMemo(() => mathSpans(text).length > 0, [text]));
  // Called, not rendered as an element: the parse happens here, where it can be timed.
  return timed(() =>
    ReactMarkdown({
      children: math ? toDollars(text) : waiting ? withoutMath(text) : text,
      remarkPlugins: math ? [...plugins, ...math.mathRemarkPlugins] : plugins,
      rehypePlugins: math?.mathRehypePlugins ?? [],
      components,
      urlTransform,
    }),
  );
});

/** A block shown as its text, and why when it is not going to be formatted. */
function PlainBlock({ text, why }: { text: string; why?: 'nested' | 'overBudget' }) {
  const t = useT().markdown;
  return (
    <>
      <div className="whitespace-pre-wrap break-words">{text}</div>
      {why && <p className="text-2xs text-ink-muted">{why === 'nested' ? t.plainNested(MAX_NESTING) : t.plainOverBudget}</p>}
    </>
  );
}

/**
 * One block: formatted when it is neither nested too deeply nor too slow to parse (see
 * parseBudget.ts), else plain text; formatted in a later task when this one has spent its
 * time on others. A fenced code block alone goes straight to CodeBlock.
 */
export const Block = memo(function Block({ text, tail }: { text: string; tail: boolean }) {
  const nested = useMemo(() => containerDepth(text) > MAX_NESTING, [text]);
  const code = useMemo(() => (nested ? undefined : fencedCode(text)), [text, nested]);
  const verdict = useParseVerdict(nested || code ? '' : text);
  /** The text last formatted here. */
  const formatted = useRef<string>(undefined);
  const [, retry] = useState(0);
  // A streaming tail shows its last version within budget while a longer one is checked.
  const wanted =
    nested || code ? undefined : verdict.kind === 'render' ? text : verdict.kind === 'wait' && tail ? verdict.lagging : undefined;
  const deferred = wanted !== undefined && wanted !== formatted.current && overTaskBudget();
  if (wanted !== undefined && !deferred) formatted.current = wanted;
  useEffect(() => {
    if (!deferred) return;
    const timer = setTimeout(() => retry((n) => n + 1));
    return () => clearTimeout(timer);
  });
  let body: ReactNode;
  if (nested) body = <PlainBlock text={text} why="nested" />;
  else if (code) body = <CodeBlock language={code.language} code={code.code} />;
  else if (verdict.kind === 'overBudget') body = <PlainBlock text={text} why="overBudget" />;
  else if (wanted === undefined) body = <PlainBlock text={text} />;
  else if (deferred) body = tail && formatted.current ? <Formatted text={formatted.current} /> : <PlainBlock text={text} />;
  else body = <Formatted text={wanted} />;
  return <TailContext.Provider value={tail}>{body}</TailContext.Provider>;
});

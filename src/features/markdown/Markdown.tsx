import { Children, memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { whenIdle } from '../../ui/idle';
import ReactMarkdown, { type Components } from 'react-markdown';
import { remarkGfm } from './gfm';
import { safeImageUrl, safeLinkUrl } from '../../domain/safeUrl';
import { containerDepth, EMPTY_SPLIT, fencedCode, MATH_OPENERS, mathSpans, MAX_NESTING, repairTail, splitBlocks, toDollars, withoutMath } from './blocks';
import { overTaskBudget, startParseChecks, timed, useParseVerdict } from './parseBudget';
import { CodeBlock, loadHighlighter, StreamingContext, TailContext } from './CodeBlock';
import { whenNear } from './nearViewport';
import { useT } from '../../i18n/useT';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** An image from a reply: not fetched until the person asks (its URL could carry the conversation out). */
function ImagePlaceholder({ src, alt }: { src: string; alt: string }) {
  const t = useT().markdown;
  const [load, setLoad] = useState(false);
  const url = safeImageUrl(src);
  if (load && url) return <img src={url} alt={alt} referrerPolicy="no-referrer" className="max-w-full rounded" />;
  return (
    <span className="inline-flex flex-wrap items-center gap-2 rounded border border-dashed border-line px-2 py-1 text-xs text-ink-muted">
      <span>
        {t.image(alt, hostOf(url) || t.imageBadAddress)}
      </span>
      {url && (
        <button type="button" className="rounded border border-line px-1.5 py-0.5 text-ink hover:bg-surface-sunken" onClick={() => setLoad(true)}>
          {t.loadImage}
        </button>
      )}
    </span>
  );
}

/** A link whose address was not http, https or mailto: its words only. */
function RemovedLink({ children }: { children: ReactNode }) {
  return <span title={useT().markdown.linkRemoved}>{children}</span>;
}

// No raw HTML is ever rendered (no rehype-raw), and no HTML string is written into
// the DOM: every node becomes a React element.
const components: Components = {
  a({ href, children, node: _node, ...rest }) {
    // Unsafe addresses were emptied by the URL transform: such a link stays plain text.
    if (!href) return <RemovedLink>{children}</RemovedLink>;
    return (
      // The real destination shows on hover and on keyboard focus (see .prose-reply a::after).
      <a {...rest} href={href} target="_blank" rel="noopener noreferrer" title={href} data-href={href}>
        {children}
      </a>
    );
  },
  img({ src, alt }) {
    return <ImagePlaceholder src={typeof src === 'string' ? src : ''} alt={alt ?? ''} />;
  },
  pre({ children }) {
    const code = Children.only(children) as ReactElement<{ className?: string; children?: ReactNode }>;
    const language = /^language-([\w+#.-]+)$/.exec(code.props.className ?? '')?.[1];
    return <CodeBlock language={language} code={String(code.props.children ?? '').replace(/\n$/, '')} />;
  },
  code({ className, children, node: _node, ...rest }) {
    // Only language-* classes from fence info strings reach the DOM.
    const language = /^language-[\w+#.-]+$/.test(className ?? '') ? className : undefined;
    return (
      <code {...rest} className={language}>
        {children}
      </code>
    );
  },
};

/** Links: http, https and mailto only; images: kept as given, checked when loaded. */
function urlTransform(url: string, key: string): string {
  return key === 'src' ? url : safeLinkUrl(url);
}

const plugins = [remarkGfm];

type MathModule = typeof import('./math');
let mathModule: Promise<unknown> | undefined;
let loadedMath: MathModule | undefined;
let mathFailed = false;

const loadMath = () =>
  (mathModule ??= import('./math').then(
    (m) => (loadedMath = m),
    () => (mathFailed = true),
  ));

/**
 * The math plugins for a block that has math, loaded the first time one does:
 * `waiting` while they load (the math is then left out rather than shown raw), and
 * neither once they could not load (the math then shows as written).
 */
function useMath(needed: boolean): { module?: MathModule; waiting: boolean } {
  const [, loaded] = useState(0);
  useEffect(() => {
    if (!needed || loadedMath || mathFailed) return;
    let live = true;
    void loadMath().then(() => live && loaded((n) => n + 1));
    return () => {
      live = false;
    };
  }, [needed]);
  return needed ? { module: loadedMath, waiting: !loadedMath && !mathFailed } : { waiting: false };
}

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
const Block = memo(function Block({ text, tail }: { text: string; tail: boolean }) {
  const nested = useMemo(() => containerDepth(text) > MAX_NESTING, [text]);
  const code = useMemo(() => (nested ? undefined : fencedCode(text)), [text, nested]);
  const verdict = useParseVerdict(nested || code ? '' : text);
  /** The text last formatted here. */
  const formatted = useRef<string>(undefined);
  const [, retry] = useState(0);
  // A streaming tail shows its last version within budget while a longer one is checked.
  const wanted = nested || code ? undefined : verdict.kind === 'render' ? text : verdict.kind === 'wait' && tail ? verdict.lagging : undefined;
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

/**
 * Blocks this close to the end are parsed at once: they are what a person sees of a
 * streaming reply (or of one just opened, scrolled to its end), and must not flash raw.
 */
const EAGER_BLOCKS = 8;
/** Finished blocks go in runs of this many: a frame compares a few runs, not every block. */
const RUN = 8;
/**
 * When one update brings more runs than this (a backlog read at once), these last ones
 * render first and the others after, a few per task: what a person sees of a reply
 * that streams in is its end. A 200 KB reply is ~200 runs, and rendering them all took
 * ~40 ms before its end could be painted. A reply rendered anew (opened, or come into
 * view as the person scrolls down to it) renders whole: its beginning may be what shows.
 */
const FIRST_RUNS = 4;
/**
 * Runs held back that are rendered per task (~0.2 ms each, as plain text): few tasks,
 * as each also re-measures the list and moves the view to the end.
 */
const FILL_STEP = 48;

// `eager` is read only when a run's blocks change, so a run that ages out of it need not render again.
const sameBlocks = (a: { blocks: string[] }, b: { blocks: string[] }) => a.blocks.length === b.blocks.length && a.blocks.every((text, i) => text === b.blocks[i]);

/**
 * A run of finished blocks. Far from view its blocks are their plain text in one box
 * (searchable, selectable, read by screen readers, and a fraction of the elements)
 * until it comes within reach; then each block is parsed, once. A block that joins the
 * run later is parsed at once only while the run is among the last blocks: a fast
 * stream has often carried the run far out of view by then, and it waits for reach again.
 */
const BlockRun = memo(function BlockRun({ blocks, eager }: { blocks: string[]; eager: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  /** How many of its blocks are parsed. */
  const [parsed, setParsed] = useState(eager ? blocks.length : 0);
  if (eager && parsed < blocks.length) setParsed(blocks.length);
  // Rendered within the upgrade's own slice of time (see whenNear), not batched with others.
  useEffect(
    () => (parsed >= blocks.length || !box.current ? undefined : whenNear(box.current, () => flushSync(() => setParsed(blocks.length)))),
    [parsed, blocks.length],
  );
  const waiting = parsed < blocks.length && (
    <div ref={box} className="md-run whitespace-pre-wrap">
      {blocks.slice(parsed).join('\n\n')}
    </div>
  );
  if (!parsed) return waiting;
  return (
    <div>
      {blocks.slice(0, parsed).map((text, i) => (
        // Each block is its own box: off-screen ones skip layout and paint (content-visibility).
        <div key={i} className="md-block">
          <Block text={text} tail={false} />
        </div>
      ))}
      {waiting}
    </div>
  );
}, sameBlocks);

/**
 * The runs held back, [from, to), of `count` (see FIRST_RUNS): they are rendered a few
 * per task, from the first, while the runs after them are already on screen.
 */
function useHeldRuns(count: number): { from: number; to: number } {
  const [held, setHeld] = useState({ from: 0, to: 0 });
  /** How many runs there were at the last commit (at the first render: none are held). */
  const committed = useRef(count);
  useLayoutEffect(() => void (committed.current = count));
  const holding = held.from < held.to;
  if (count - committed.current > FIRST_RUNS && !(holding && held.to === count - FIRST_RUNS)) {
    // A held range not done yet goes on to the new runs (the few rendered in between go back into it).
    setHeld({ from: holding ? held.from : committed.current, to: count - FIRST_RUNS });
  }
  useEffect(() => {
    if (!holding) return;
    // A task each, so that the page paints and takes input in between.
    const timer = setTimeout(() => flushSync(() => setHeld((h) => ({ ...h, from: Math.min(h.from + FILL_STEP, h.to) }))));
    return () => clearTimeout(timer);
  }, [holding, held.from]);
  // Fewer runs than before: the text was replaced.
  const to = Math.min(held.to, count);
  return { from: Math.min(held.from, to), to };
}

/** A reply's markdown, rendered incrementally: only the growing last block is parsed again. */
const Markdown = memo(function Markdown({ text, streaming = false }: { text: string; streaming?: boolean }) {
  const split = useRef(EMPTY_SPLIT);
  split.current = splitBlocks(text, split.current);
  const { blocks } = split.current;
  const finished = streaming ? blocks.length - 1 : blocks.length;
  // Math has begun in the streaming tail: its plugins load while the rest of it arrives.
  const mathBegun = streaming && blocks.length > 0 && MATH_OPENERS.some((opener) => blocks[blocks.length - 1]!.includes(opener));
  useEffect(() => void (mathBegun && loadMath()), [mathBegun]);
  const { from, to } = useHeldRuns(Math.ceil(finished / RUN));
  const runs: ReactElement[] = [];
  for (let start = 0; start < finished; start += RUN) {
    if (start >= from * RUN && start < to * RUN) continue;
    const end = Math.min(start + RUN, finished);
    runs.push(<BlockRun key={start} blocks={blocks.slice(start, end)} eager={end > blocks.length - EAGER_BLOCKS} />);
  }
  return (
    <StreamingContext.Provider value={streaming}>
      <div className="prose-reply">
        {runs}
        {streaming && blocks.length > 0 && (
          <div className="md-block">
            <Block text={repairTail(blocks[blocks.length - 1]!)} tail />
          </div>
        )}
      </div>
    </StreamingContext.Provider>
  );
});

// The first reply must not pay for compiling the renderer (tens of ms of a cold
// parser, one long task at its start): a few tiny samples, one of each kind of block,
// are rendered unseen, a few ms of them per idle moment, as a tail (so nothing loads for
// them), for many rounds: the parser's hot paths are optimized after some use, not at the first.
const WARM_UP = [
  '# Title with *emphasis*, **strong**, `code` and a [link](https://example.com)\n\nA paragraph.',
  '| a | b |\n| --- | ---: |\n| 1 | 2 |',
  '- one\n- two\n  1. nested\n  2. nested\n\n> quoted',
  '```ts\nconst x = 1;\n```',
];

// 40 rounds, not 8: the first reply's updates then took ~15% less CPU (the parser's code
// was still being optimized after 8), for ~0.5 s of idle time, in slices, as the person types.
const WARM_UP_ROUNDS = 40;
/** Samples are rendered for this long at each idle moment. */
const WARM_UP_SLICE_MS = 8;

/**
 * Renders the warm-up samples at idle (called once, as a first message is typed), then
 * loads the highlighter's module, so that the first finished code block does not wait
 * for it (nor the frame it finishes in pay for starting to load it), and starts the
 * worker that checks long blocks (see parseBudget.ts).
 */
export function warmUp(): void {
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

export default Markdown;

// Spans of math and code in the model's text. These scans run on every update of a
// streaming reply: each is one pass (patterns with lazy spans to a closer would rescan
// to the end from every opener that has none).
import { nextIndex } from '../../domain/nextIndex';

/** What opens math, and what closes each. */
export const MATH_OPENERS = ['$$', '\\[', '\\('] as const;
const MATH_CLOSERS = ['$$', '\\]', '\\)'] as const;

interface Span {
  start: number;
  end: number;
}

/**
 * Where the next of several kinds of span begins, from positions that only grow: each
 * kind's next span is found once and kept until the position passes its start.
 */
function spanFinder(find: ((from: number) => Span | undefined)[]): (from: number) => Span | undefined {
  const found: (Span | undefined | null)[] = find.map(() => null);
  return (from) => {
    let first: Span | undefined;
    find.forEach((next, k) => {
      let span = found[k];
      if (span === null || (span && span.start < from)) found[k] = span = next(from);
      if (span && (!first || span.start < first.start)) first = span;
    });
    return first;
  };
}

const SPACE = /\s/;
const DIGIT = /\d/;

/** Pandoc's rule for a single $ that opens math: something other than a space or $ after it, and no $ or \ before. */
const opensInline = (text: string, i: number) =>
  i + 1 < text.length && !SPACE.test(text[i + 1]!) && text[i + 1] !== '$' && text[i - 1] !== '$' && text[i - 1] !== '\\';
/** …and one that closes it: no space, \ or $ before it, and no digit or $ after ("$5 and $10" stays text). */
const closesInline = (text: string, j: number) =>
  !SPACE.test(text[j - 1]!) && text[j - 1] !== '\\' && text[j - 1] !== '$' && text[j + 1] !== '$' && !DIGIT.test(text[j + 1] ?? '');

/** The next $…$ on one line from `from`, by pandoc's rule; each $ is looked at once. */
function inlineMathFinder(text: string): (from: number) => Span | undefined {
  return (from) => {
    for (let i = text.indexOf('$', from); i !== -1;) {
      const j = text.indexOf('$', i + 1);
      if (j === -1) return undefined;
      if (j > i + 1 && opensInline(text, i) && closesInline(text, j) && !text.slice(i, j).includes('\n')) return { start: i, end: j + 1 };
      i = j;
    }
    return undefined;
  };
}

/**
 * The next span of math from `from`: $$…$$, \[…\] or \(…\) with something inside, as the
 * renderer takes it, or $…$ on one line where it cannot be a price (see opensInline).
 */
function mathFinder(text: string): (from: number) => Span | undefined {
  return spanFinder([
    ...MATH_OPENERS.map((opener, k) => {
      const closer = nextIndex(text, MATH_CLOSERS[k]!);
      let closes = true;
      return (from: number) => {
        if (!closes) return undefined;
        const start = text.indexOf(opener, from);
        const close = start === -1 ? -1 : closer(start + opener.length + 1);
        // An opener without a closer after it: no later one of its kind has one either.
        if (close === -1) return void (closes = false);
        return { start, end: close + MATH_CLOSERS[k]!.length };
      };
    }),
    inlineMathFinder(text),
  ]);
}

/** The spans of math in `text`, in order. */
export function mathSpans(text: string): Span[] {
  const next = mathFinder(text);
  const spans: Span[] = [];
  for (let span = next(0); span; span = next(span.end)) spans.push(span);
  return spans;
}

/** `text` without its math. */
export function withoutMath(text: string): string {
  let out = '';
  let from = 0;
  for (const span of mathSpans(text)) {
    out += text.slice(from, span.start);
    from = span.end;
  }
  return out + text.slice(from);
}

/** LaTeX's \[…\] and \(…\), and inline $…$, as remark-math's $$…$$ (its single dollars are off: prices). */
export function toDollars(text: string): string {
  let out = '';
  let from = 0;
  for (const span of mathSpans(text)) {
    if (text.startsWith('$$', span.start)) continue;
    const delimiter = text[span.start] === '$' ? 1 : 2;
    out += `${text.slice(from, span.start)}$$${text.slice(span.start + delimiter, span.end - delimiter)}$$`;
    from = span.end;
  }
  return out + text.slice(from);
}

/** The next code span from `from`: `…` on one line. */
function codeSpanFinder(text: string): (from: number) => Span | undefined {
  const newline = nextIndex(text, '\n');
  return (from) => {
    for (let start = text.indexOf('`', from); start !== -1;) {
      const close = text.indexOf('`', start + 1);
      if (close === -1) return undefined;
      const nl = newline(start + 1);
      if (nl === -1 || nl > close) return { start, end: close + 1 };
      start = close; // a newline came first: the next backtick may open one
    }
    return undefined;
  };
}

/** The next fenced code block from `from`: from a fence line to the line that closes it, or to the end. */
function fenceFinder(text: string): (from: number) => Span | undefined {
  const fences = /^ {0,3}(`{3,}|~{3,})/gm;
  return (from) => {
    fences.lastIndex = from;
    const open = fences.exec(text);
    if (!open) return undefined;
    const marker = open[1]!;
    for (let close = fences.exec(text); close; close = fences.exec(text)) {
      if (close[1]![0] === marker[0] && close[1]!.length >= marker.length) {
        const nl = text.indexOf('\n', close.index);
        return { start: open.index, end: nl === -1 ? text.length : nl };
      }
    }
    return { start: open.index, end: text.length };
  };
}

/** Code and math, blanked to the same length: no markup is looked for inside them. */
export function literalsBlanked(text: string): string {
  const next = spanFinder([fenceFinder(text), codeSpanFinder(text), mathFinder(text)]);
  let out = '';
  let from = 0;
  for (let span = next(0); span; span = next(span.end)) {
    out += text.slice(from, span.start) + text.slice(span.start, span.end).replace(/[^\n]/g, ' ');
    from = span.end;
  }
  return out + text.slice(from);
}

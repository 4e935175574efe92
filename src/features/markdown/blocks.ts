import { nextIndex } from '../../domain/nextIndex';
// Streaming markdown without quadratic work: the text is split into top-level
// blocks (at blank lines outside fenced code); finished blocks never change, so
// they are parsed once, and only the growing last block is parsed again.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;

export interface SplitState {
  text: string;
  blocks: string[];
  /** Offset in `text` where each block starts. */
  starts: number[];
}

export const EMPTY_SPLIT: SplitState = { text: '', blocks: [], starts: [] };

/** Splits `text` from `offset` on (which must not be inside a fence). */
function splitFrom(text: string, offset: number): { blocks: string[]; starts: number[] } {
  const blocks: string[] = [];
  const starts: number[] = [];
  let fence: string | undefined;
  let blockStart = -1;
  let pos = offset;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl + 1;
    const line = text.slice(pos, nl === -1 ? text.length : nl).replace(/\r$/, '');
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && BLANK.test(line.slice(line.indexOf(marker) + marker.length))) fence = undefined;
    } else if (marker) fence = marker;
    if (!fence && !marker && BLANK.test(line)) {
      if (blockStart !== -1) {
        blocks.push(text.slice(blockStart, pos));
        starts.push(blockStart);
        blockStart = -1;
      }
    } else if (blockStart === -1) blockStart = pos;
    pos = end;
  }
  if (blockStart !== -1) {
    blocks.push(text.slice(blockStart));
    starts.push(blockStart);
  }
  return { blocks, starts };
}

/**
 * Splits `text` into blocks, reusing `previous` when the text only grew: then only
 * the last block onward is looked at again, and earlier blocks keep their identity.
 */
export function splitBlocks(text: string, previous: SplitState = EMPTY_SPLIT): SplitState {
  if (text === previous.text) return previous;
  if (previous.blocks.length > 0 && text.startsWith(previous.text)) {
    const keep = previous.blocks.length - 1;
    const from = previous.starts[keep]!;
    const tail = splitFrom(text, from);
    return { text, blocks: [...previous.blocks.slice(0, keep), ...tail.blocks], starts: [...previous.starts.slice(0, keep), ...tail.starts] };
  }
  return { text, ...splitFrom(text, 0) };
}

/** A table row's cells (GFM: outer pipes optional, `\\|` is a pipe inside a cell). */
function cellsOf(row: string): string[] {
  let s = row.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/);
}

const DELIMITER_CELL = /^\s*:?-+:?\s*$/;
/** What a delimiter row looks like while it is still arriving. */
const PARTIAL_DELIMITER = /^[|:\- \t]+$/;

/**
 * A table whose header row has arrived but not (all of) the row under it would show
 * as a line of pipes, then jump into a table: it is a table, with plain columns, from
 * its first row on.
 */
function repairTable(lines: string[]): string[] | undefined {
  const rows = lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines; // a row just ended
  const [header, delimiter] = rows;
  if (!header || !/^ {0,3}\|/.test(header) || rows.length > 2) return undefined;
  const cells = cellsOf(header);
  if (rows.length === 1 && cells.every((c) => !c.trim())) return []; // "|": nothing to show yet
  const columns = cells.length;
  if (delimiter !== undefined) {
    if (!PARTIAL_DELIMITER.test(delimiter)) return undefined;
    const under = cellsOf(delimiter);
    if (under.length === columns && under.every((c) => DELIMITER_CELL.test(c))) return undefined; // already whole
  }
  return [header, `|${' --- |'.repeat(columns)}`];
}

// What follows runs on every update of a streaming reply, on the model's text: each
// scan is one pass (patterns with lazy spans to a closer would rescan to the end from
// every opener that has none).

/** What opens math, and what closes each. */
export const MATH_OPENERS = ['$$', '\\[', '\\('] as const;
const MATH_CLOSERS = ['$$', '\\]', '\\)'] as const;

export interface Span {
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

/** The next span of math from `from`: $$…$$, \[…\] or \(…\) with something inside, as the renderer takes it (single dollars are left alone, they are usually prices). */
function mathFinder(text: string): (from: number) => Span | undefined {
  return spanFinder(
    MATH_OPENERS.map((opener, k) => {
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
  );
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

/** LaTeX's \[…\] and \(…\) as remark-math's $$…$$. */
export function toDollars(text: string): string {
  let out = '';
  let from = 0;
  for (const span of mathSpans(text)) {
    if (text.startsWith('$$', span.start)) continue;
    out += `${text.slice(from, span.start)}$$${text.slice(span.start + 2, span.end - 2)}$$`;
    from = span.end;
  }
  return out + text.slice(from);
}

/** The next code span from `from`: `…` on one line. */
function codeSpanFinder(text: string): (from: number) => Span | undefined {
  const newline = nextIndex(text, '\n');
  return (from) => {
    for (let start = text.indexOf('`', from); start !== -1; ) {
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
function literalsBlanked(text: string): string {
  const next = spanFinder([fenceFinder(text), codeSpanFinder(text), mathFinder(text)]);
  let out = '';
  let from = 0;
  for (let span = next(0); span; span = next(span.end)) {
    out += text.slice(from, span.start) + text.slice(span.start, span.end).replace(/[^\n]/g, ' ');
    from = span.end;
  }
  return out + text.slice(from);
}

/** Where math opened and not closed yet begins, or -1. */
function openMathAt(text: string): number {
  const blanked = literalsBlanked(text);
  const at = MATH_OPENERS.map((opener) => blanked.indexOf(opener)).filter((i) => i !== -1);
  return at.length ? Math.min(...at) : -1;
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Where an emphasis marker (`*`, `_`, `**`, `__` or `~~`, not part of a longer run)
 * was opened and not closed yet, or -1. A simplification of CommonMark's flanking
 * rules: enough to tell an opening from a bullet, a product or a snake_case name.
 */
function openedAt(text: string, marker: string): number {
  let open = -1;
  for (let i = text.indexOf(marker); i !== -1; ) {
    const before = text[i - 1];
    const after = text[i + marker.length];
    if (before === marker[0] || after === marker[0]) {
      i = text.indexOf(marker, i + 1);
      continue;
    }
    const intraword = marker[0] === '_'; // snake_case is no emphasis
    if (open === -1) {
      if (!isSpace(after) && !(intraword && isWordChar(before))) open = i;
    } else if (!isSpace(before) && !(intraword && isWordChar(after))) open = -1;
    i = text.indexOf(marker, i + marker.length);
  }
  return open;
}

const MARKERS = ['**', '__', '~~', '*', '_'];

/** "[text](http://ha" at the end → "text": a link whose address has not all arrived (as `\[([^\]\n]*)\]\([^)\s]*$` would). */
function withoutOpenLink(text: string): string {
  let last = text.length - 1; // the address runs from its "](" to the end: no ")" or space after
  while (last >= 0 && text[last] !== ')' && !isSpace(text[last])) last--;
  const lineStart = text.lastIndexOf('\n') + 1; // every newline is before `last`
  for (let at = text.indexOf('](', last + 1); at !== -1; at = text.indexOf('](', at + 1)) {
    const from = Math.max(text.lastIndexOf(']', at - 1) + 1, lineStart);
    const open = text.slice(from, at).indexOf('[');
    if (open !== -1) return text.slice(0, from + open) + text.slice(from + open + 1, at);
  }
  return text;
}

/** "[tex" at the end → "tex", "![alt" → "": a link or image whose text has not all arrived. */
function withoutOpenBracket(text: string): string {
  const open = text.indexOf('[', Math.max(text.lastIndexOf(']'), text.lastIndexOf('\n')) + 1);
  if (open === -1) return text;
  return text[open - 1] === '!' ? text.slice(0, open - 1) : text.slice(0, open) + text.slice(open + 1);
}

/**
 * Closes what a block cut off mid-stream leaves open, so the tail renders as it
 * will end up rather than flickering through raw syntax: a code fence, inline
 * code, bold, italics, strikethrough, a link whose address has not arrived, a
 * table whose second row has not, math whose end has not.
 */
export function repairTail(block: string): string {
  const lines = block.split('\n');
  let fence: string | undefined;
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1];
    if (!marker) continue;
    if (!fence) fence = marker;
    else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
  }
  if (fence) return `${block}${block.endsWith('\n') ? '' : '\n'}${fence}`;
  const table = repairTable(lines);
  if (table) return table.join('\n');
  // Math whose end has not arrived waits whole: its LaTeX would show raw, then jump into a formula.
  const math = openMathAt(block);
  let out = math === -1 ? block : block.slice(0, math);
  out = withoutOpenBracket(withoutOpenLink(out));
  out = out.replace(/(^|\s)`{1,2}$/, '$1'); // a code span or fence in the making
  const ticks = (out.match(/`/g) ?? []).length;
  // An opened code span is closed; one opened by the last character waits for its code.
  if (ticks % 2 === 1) out = out.endsWith('`') ? out.slice(0, -1) : `${out}\``;
  // A marker with nothing after it yet could still open anything: it waits.
  out = out.replace(/(^|\s)(\*\*|__|~~|\*|_|~)\s*$/, '$1');
  const text = literalsBlanked(out).replace(/^([ \t]*)[*+-](?=[ \t])/gm, '$1 '); // a bullet is no emphasis
  const closers = MARKERS.map((marker) => ({ marker, at: openedAt(text, marker) }))
    .filter((o) => o.at !== -1)
    .sort((a, b) => b.at - a.at); // innermost first
  if (!closers.length) return out;
  const closing = closers.map((o) => o.marker).join('');
  let end = out.trimEnd();
  // Part of the closing may have arrived already ("**bold*"): it is completed, not doubled.
  for (let k = closing.length; k > 0; k--) {
    if (end.endsWith(closing.slice(0, k))) {
      end = end.slice(0, -k);
      break;
    }
  }
  return end + closing;
}

/**
 * Deeper blocks are shown as plain text: micromark takes time quadratic in the containers
 * opened on one line (`- - - …`) and the trees built from them recurse per level.
 */
export const MAX_NESTING = 32;

const isDigit = (c: number) => c >= 48 && c <= 57;
const endsMarker = (c: number) => Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13;

/**
 * How deep lists and block quotes can nest in `block`, over-estimated, in one pass: per
 * line, the markers at its start (`>`, `-`, `*`, `+`, `1.`, `1)`) and the indentation before
 * each, which a nested list needs two columns of per level. A container is opened only on a
 * line that continues each of its parents by marker or indentation, so no line is deeper.
 */
export function containerDepth(block: string): number {
  let max = 0;
  let i = 0;
  while (i < block.length) {
    let depth = 0;
    for (;;) {
      let columns = 0;
      for (let c = block.charCodeAt(i); c === 32 || c === 9; c = block.charCodeAt(++i)) columns += c === 9 ? 4 : 1;
      const c = block.charCodeAt(i);
      let after = i;
      if (c === 62 /* > */) after = i + 1;
      else if ((c === 45 /* - */ || c === 42 /* * */ || c === 43) /* + */ && endsMarker(block.charCodeAt(i + 1))) after = i + 1;
      else if (isDigit(c)) {
        let j = i;
        while (j - i < 9 && isDigit(block.charCodeAt(j))) j++;
        const d = block.charCodeAt(j);
        if ((d === 46 /* . */ || d === 41) /* ) */ && endsMarker(block.charCodeAt(j + 1))) after = j + 1;
      }
      if (after === i) break;
      depth += (columns >> 1) + 1;
      i = after;
    }
    max = Math.max(max, depth);
    const nl = block.indexOf('\n', i);
    i = nl === -1 ? block.length : nl + 1;
  }
  return max;
}

/** A block that is one fenced code block, whole (or cut off mid-stream), read as micromark reads it. */
export function fencedCode(block: string): { language: string | undefined; code: string } | undefined {
  const firstEnd = block.indexOf('\n');
  const first = firstEnd === -1 ? block : block.slice(0, firstEnd);
  const open = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(first.replace(/\r$/, ''));
  if (!open) return undefined;
  const [, indent, fence, info] = open as unknown as [string, string, string, string];
  if (fence[0] === '`' && info.includes('`')) return undefined; // not a fence, but code in a line
  const lines = firstEnd === -1 ? [] : block.slice(firstEnd + 1).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const closes = (line: string) => {
    const m = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/.exec(line);
    return m !== null && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
  };
  const close = lines.findIndex(closes);
  // Anything after the closing fence is more markdown: not this fast path.
  if (close !== -1 && close !== lines.length - 1) return undefined;
  const body = close === -1 ? lines : lines.slice(0, close);
  // Content lines lose up to the opening fence's indentation.
  const strip = new RegExp(`^ {0,${indent.length}}`);
  const code = body.map((line) => line.replace(/\r$/, '').replace(strip, '')).join('\n');
  const word = info.trim().split(/\s/)[0] ?? '';
  return { language: /^[\w+#.-]+$/.test(word) ? word : undefined, code };
}

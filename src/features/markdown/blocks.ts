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
const PARTIAL_DELIMITER = /^[ \t]*[|:\- \t]+$/;

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

/** Math as the renderer takes it: $$…$$, \[…\] and \(…\); single dollars are left alone, they are usually prices. */
export const MATH = /\$\$[\s\S]+?\$\$|\\\[[\s\S]+?\\\]|\\\([\s\S]+?\\\)/;

/** Fenced code, code spans and math. */
const LITERALS = new RegExp(`^ {0,3}(\`{3,}|~{3,}).*$[\\s\\S]*?^ {0,3}\\1.*$|\`[^\`\\n]*\`|${MATH.source}`, 'gm');

/** Code and math, blanked to the same length: no markup is looked for inside them. */
const literalsBlanked = (text: string) => text.replace(LITERALS, (m) => m.replace(/[^\n]/g, ' '));

/** What opens math. */
export const MATH_OPENERS = ['$$', '\\[', '\\('] as const;

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
  out = out.replace(/\[([^\]\n]*)\]\([^)\s]*$/, '$1'); // "[text](http://ha" → "text"
  out = out.replace(/!?\[([^\]\n]*)$/, (m, t: string) => (m.startsWith('!') ? '' : t)); // "[tex" → "tex"
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

// Runs on every update of a streaming reply, on the model's text: each scan is one pass (see spans.ts).
import { FENCE } from './blocks';
import { literalsBlanked, MATH_OPENERS } from './spans';

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
  for (let i = text.indexOf(marker); i !== -1;) {
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

// Streaming markdown without quadratic work: the text is split into top-level
// blocks (at blank lines outside fenced code); finished blocks never change, so
// they are parsed once, and only the growing last block is parsed again.

export const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;

interface SplitState {
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
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && BLANK.test(line.slice(line.indexOf(marker) + marker.length)))
        fence = undefined;
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
    return {
      text,
      blocks: [...previous.blocks.slice(0, keep), ...tail.blocks],
      starts: [...previous.starts.slice(0, keep), ...tail.starts],
    };
  }
  return { text, ...splitFrom(text, 0) };
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

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
  if (previous.blocks.length > 0 && text.startsWith(previous.text)) {
    const keep = previous.blocks.length - 1;
    const from = previous.starts[keep]!;
    const tail = splitFrom(text, from);
    return { text, blocks: [...previous.blocks.slice(0, keep), ...tail.blocks], starts: [...previous.starts.slice(0, keep), ...tail.starts] };
  }
  return { text, ...splitFrom(text, 0) };
}

/**
 * Closes what a block cut off mid-stream leaves open, so the tail renders as it
 * will end up rather than flickering through raw syntax: a code fence, inline
 * code, bold, a link whose address has not arrived.
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
  let out = block.replace(/\[([^\]\n]*)\]\([^)\s]*$/, '$1'); // "[text](http://ha" → "text"
  out = out.replace(/!?\[([^\]\n]*)$/, (m, t: string) => (m.startsWith('!') ? '' : t)); // "[tex" → "tex"
  const ticks = (out.match(/`/g) ?? []).length;
  if (ticks % 2 === 1) out += '`';
  const strong = (out.match(/\*\*/g) ?? []).length;
  if (strong % 2 === 1) out = out.endsWith('**') ? out.slice(0, -2) : `${out}**`;
  return out;
}

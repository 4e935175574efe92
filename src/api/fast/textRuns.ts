// A fast stream is tens of thousands of events that differ only in a few characters of
// text: the same id, model and shape around each 4-character delta. fetch-event-source
// reads every byte of them one by one, decodes each line twice, and each event's JSON
// is parsed whole, to give the page text it then joins anyway. This joins, before the
// reader, each run of such events into one event carrying their text: the reader and
// the parser see one event a run, and what comes out is what the events one by one
// would have given, joined. Only a run of events that the first of its kind says are
// text-only is joined (see chunk.ts's textTemplate); anything else goes by untouched.
// The template comes from chunk.ts's textTemplate, given by the reader: the page loads expandRuns
// (for the inspector) without chunk.ts's parser and its validator.
import type { TextTemplate } from '../chunk';

const LF = 10;
const CR = 13;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/**
 * After failing to learn a template, or learning one that joined nothing (a server whose
 * every event differs around its text, by a time or a count), the next tries skip 0, 1,
 * 3, 7… events, up to this many, until a template joins a run again.
 */
const MOST_SKIPPED = 1024;

/** What may follow a backslash in a JSON string (`u` then takes four hex digits). */
const ESCAPED = new Uint8Array(256);
for (const c of '"\\/bfnrtu') ESCAPED[c.charCodeAt(0)] = 1;
const HEX = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;

export interface TextRuns {
  /**
   * `piece` (an event stream's bytes, ending at a line end, following the pieces
   * given before it) with each run of two or more text-only events as one event,
   * how many events fewer the result has than the piece, and (where it joined any)
   * the runs, from which expandRuns gives the piece back. Where it joined none, the
   * bytes are the piece itself; else they are new, and the piece may be written over.
   */
  join(piece: Uint8Array): { bytes: Uint8Array; fewer: number; runs?: Uint32Array };
}

/**
 * The runs of a joined piece, each as: where its event starts in the joined bytes, its
 * head's and its tail's lengths, how many events it joined, and the length of each
 * one's text, in order.
 */
const START = 0;
const HEAD = 1;
const TAIL = 2;
const COUNT = 3;
const LENGTHS = 4;

/**
 * The piece that textRuns joined into `bytes`, byte for byte: each run's event written
 * out again as its events, each its head, its own text, its tail and a blank line
 * (joining took only what every one of them had in common out).
 */
export function expandRuns(bytes: Uint8Array, runs: ArrayLike<number>): Uint8Array {
  let size = bytes.length;
  for (let r = 0; r < runs.length; r += LENGTHS + runs[r + COUNT]!)
    size += (runs[r + COUNT]! - 1) * (runs[r + HEAD]! + runs[r + TAIL]! + 2);
  const out = new Uint8Array(size);
  let from = 0;
  let to = 0;
  const write = (part: Uint8Array) => {
    out.set(part, to);
    to += part.length;
  };
  for (let r = 0; r < runs.length; r += LENGTHS + runs[r + COUNT]!) {
    const start = runs[r + START]!;
    const count = runs[r + COUNT]!;
    write(bytes.subarray(from, start));
    let text = start + runs[r + HEAD]!;
    let textEnd = text;
    for (let k = 0; k < count; k++) textEnd += runs[r + LENGTHS + k]!;
    const head = bytes.subarray(start, text);
    const tail = bytes.subarray(textEnd, textEnd + runs[r + TAIL]!);
    for (let k = 0; k < count; k++) {
      const length = runs[r + LENGTHS + k]!;
      write(head);
      write(bytes.subarray(text, (text += length)));
      write(tail);
      write(BLANK);
    }
    from = textEnd + tail.length + 2;
  }
  write(bytes.subarray(from));
  return out;
}

/** A whole event line (`data: ` and the JSON around the text), as bytes, its text taken out: head + text + tail. */
interface LineTemplate {
  head: Uint8Array;
  tail: Uint8Array;
  /** The head's bytes four at a time (big-endian), and what is left over: compared a word at a time. */
  headWords: Uint32Array;
}

function lineTemplate(head: Uint8Array, tail: Uint8Array): LineTemplate {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  return { head, tail, headWords: Uint32Array.from({ length: head.length >> 2 }, (_, k) => view.getUint32(k * 4)) };
}

/**
 * Where the text's JSON string body ends (at its closing quote) in the one-line event
 * at `at`, if the event fits `t` (its head, a body, its tail, a blank line); else -1.
 * Bytes are compared as they are: nothing is decoded.
 */
function fit(bytes: Uint8Array, view: DataView, at: number, t: LineTemplate): number {
  const { head, tail, headWords } = t;
  const n = bytes.length;
  if (at + head.length + tail.length + 2 > n) return -1;
  for (let k = 0; k < headWords.length; k++) if (view.getUint32(at + k * 4) !== headWords[k]) return -1;
  for (let k = headWords.length * 4; k < head.length; k++) if (bytes[at + k] !== head[k]) return -1;
  let i = at + head.length;
  for (;;) {
    if (i >= n) return -1;
    const c = bytes[i]!;
    if (c === QUOTE) break;
    if (c < 0x20) return -1;
    if (c !== BACKSLASH) {
      i++;
      continue;
    }
    const e = bytes[i + 1]!;
    if (!ESCAPED[e]) return -1;
    if (e === 0x75 && !(HEX[bytes[i + 2]!] && HEX[bytes[i + 3]!] && HEX[bytes[i + 4]!] && HEX[bytes[i + 5]!])) return -1;
    i += e === 0x75 ? 6 : 2;
  }
  const to = i;
  if (!wholeCharacters(bytes, at + head.length, to)) return -1;
  if (to + tail.length + 2 > n) return -1;
  for (let k = 0; k < tail.length; k++) if (bytes[to + k] !== tail[k]) return -1;
  return bytes[to + tail.length] === LF && bytes[to + tail.length + 1] === LF ? to : -1;
}

/**
 * Whether a body, bytes [from, to), begins and ends on UTF-8 character boundaries:
 * joined to its neighbours, a body that ends inside a character, or one that begins
 * with the rest of one, would make a character that neither event held.
 */
function wholeCharacters(bytes: Uint8Array, from: number, to: number): boolean {
  if (from === to) return true;
  if ((bytes[from]! & 0xc0) === 0x80) return false;
  let lead = to - 1;
  while (lead > from && (bytes[lead]! & 0xc0) === 0x80 && to - lead < 4) lead--;
  const c = bytes[lead]!;
  const size = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
  return to - lead === size;
}

/** Where the next event starts, from `at`, a line's start: after the next blank line. */
function afterBlankLine(bytes: Uint8Array, at: number): number {
  if (bytes[at] === LF) return at + 1;
  for (let end = bytes.indexOf(LF, at); end !== -1; end = bytes.indexOf(LF, end + 1)) if (bytes[end + 1] === LF) return end + 2;
  return bytes.length;
}

const BLANK = new Uint8Array([LF, LF]);

/**
 * Joins runs of text-only events of one event stream, piece by piece (see above),
 * reading the bytes as they are: only a line a template is learned from is decoded
 * (decoding a fast stream whole costs more than all the rest). A stream whose
 * lines end in CR (or CRLF) is given back untouched: its events may be cut between
 * pieces in ways only the reader follows.
 */
export function textRuns(learnFrom: (data: string) => TextTemplate | undefined): TextRuns {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let template: LineTemplate | undefined;
  /**
   * What a piece's runs are written into, kept from piece to piece (only what it holds is
   * copied out): a new buffer the size of each piece, zeroed and its memory faulted in,
   * cost more than the joining itself.
   */
  let scratch = new Uint8Array(0);
  /** A piece's runs (see expandRuns), kept from piece to piece as `scratch` is. */
  const found: number[] = [];
  /** Whether the next piece starts an event: what it starts with is not the rest of one. */
  let atEventStart = true;
  let off = false;
  let skip = 0;
  let backoff = 1;

  /** A try that came to nothing: the next ones back off. */
  const missed = () => {
    skip = backoff - 1;
    backoff = Math.min(backoff * 2, MOST_SKIPPED);
  };

  /** A template from the event line `line`, if it is a text-only event (tries back off, see MOST_SKIPPED). */
  const learn = (line: string): LineTemplate | undefined => {
    if (skip > 0) {
      skip--;
      return undefined;
    }
    const field = /^data: ?/.exec(line)?.[0];
    const found = field === undefined ? undefined : learnFrom(line.slice(field.length));
    if (!found) return void missed();
    return lineTemplate(encoder.encode(field + found.head), encoder.encode(found.tail));
  };

  return {
    join(piece) {
      if (off || piece.length === 0) return { bytes: piece, fewer: 0 };
      if (piece.indexOf(CR) !== -1) {
        off = true;
        return { bytes: piece, fewer: 0 };
      }
      // Written once a run is found: joining only ever makes the bytes fewer.
      let out: Uint8Array | undefined;
      let size = 0;
      const copy = (bytes: Uint8Array, from: number, to: number) => {
        if (!out) {
          if (scratch.length < piece.length) scratch = new Uint8Array(piece.length);
          out = scratch;
        }
        out.set(bytes.subarray(from, to), size);
        size += to - from;
      };
      let copied = 0;
      let fewer = 0;
      found.length = 0;
      const view = new DataView(piece.buffer, piece.byteOffset, piece.byteLength);
      let at = atEventStart ? 0 : afterBlankLine(piece, 0);
      while (at < piece.length) {
        let to = template ? fit(piece, view, at, template) : -1;
        const learning = to === -1;
        if (learning) {
          const lineEnd = piece.indexOf(LF, at);
          // A template is looked for in an event of one line (then a blank line) only.
          const learned = lineEnd !== at && piece[lineEnd + 1] === LF ? learn(decoder.decode(piece.subarray(at, lineEnd))) : undefined;
          if (learned) to = fit(piece, view, at, (template = learned));
          if (to === -1) {
            at = afterBlankLine(piece, at);
            continue;
          }
        }
        const { head, tail } = template!;
        let next = to + tail.length + 2;
        let events = 1;
        const run = found.length;
        for (let more = fit(piece, view, next, template!); more !== -1; more = fit(piece, view, next, template!)) {
          // The run's first event but its tail, then each next one's text.
          if (events === 1) {
            found.push(size + at - copied, head.length, tail.length, 0, to - at - head.length);
            copy(piece, copied, to);
          }
          for (let k = next + head.length; k < more; k++) out![size++] = piece[k]!;
          found.push(more - next - head.length);
          next = more + tail.length + 2;
          events++;
        }
        if (events > 1) {
          copy(tail, 0, tail.length);
          copy(BLANK, 0, 2);
          found[run + COUNT] = events;
          copied = next;
          fewer += events - 1;
          backoff = 1;
        } else if (learning) missed();
        at = next;
      }
      atEventStart = (piece[piece.length - 2] === LF && piece[piece.length - 1] === LF) || (piece.length === 1 && piece[0] === LF);
      if (!out) return { bytes: piece, fewer };
      copy(piece, copied, piece.length);
      return { bytes: out.slice(0, size), fewer, runs: Uint32Array.from(found) };
    },
  };
}

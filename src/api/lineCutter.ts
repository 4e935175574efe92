// fetch-event-source's line reader, given a piece that ends inside a line, copies that
// line's start together with the whole next piece into a new buffer, and a fast
// stream's pieces nearly all end inside a line: the body was copied once more, into
// fresh memory, as it was read. Given pieces that end at line ends it copies nothing.

const LF = 10;
const CR = 13;

// Event streams' lines nearly all end in LF: a CR is looked for only where no LF can end the line first.

/** Where the first line end in `bytes` is, or -1. */
function firstLineEnd(bytes: Uint8Array): number {
  const lf = bytes.indexOf(LF);
  const cr = (lf === -1 ? bytes : bytes.subarray(0, lf)).indexOf(CR);
  return cr === -1 ? lf : cr;
}

/** Where the last line end in `bytes` is, or -1. */
function lastLineEnd(bytes: Uint8Array): number {
  const lf = bytes.lastIndexOf(LF);
  const cr = bytes.subarray(lf + 1).lastIndexOf(CR);
  return cr === -1 ? lf : lf + 1 + cr;
}

export interface LineCutter {
  /** The pieces to read for `chunk`: every byte, in order, less a line not ended yet, kept for the next chunk. */
  cut(chunk: Uint8Array): Uint8Array[];
  /** The bytes kept back, at the body's end. */
  rest(): Uint8Array[];
}

/**
 * Cuts an event stream's pieces after their last line end (CR or LF: a CRLF cut
 * between the two is one line end to the reader). Only the unended line is copied,
 * joined to the next piece's first line; a piece with no line end passes as it is.
 */
export function lineCutter(): LineCutter {
  let kept: Uint8Array | undefined;
  return {
    cut(chunk) {
      const last = lastLineEnd(chunk);
      const before = kept;
      kept = undefined;
      if (last === -1) return before ? [before, chunk] : [chunk];
      const pieces: Uint8Array[] = [];
      let from = 0;
      if (before) {
        const first = firstLineEnd(chunk) + 1;
        const joined = new Uint8Array(before.length + first);
        joined.set(before);
        joined.set(chunk.subarray(0, first), before.length);
        pieces.push(joined);
        from = first;
      }
      if (from <= last) pieces.push(chunk.subarray(from, last + 1));
      // A copy, not a view: a view would keep the whole piece's memory alive.
      if (last + 1 < chunk.length) kept = chunk.slice(last + 1);
      return pieces;
    },
    rest() {
      const out = kept ? [kept] : [];
      kept = undefined;
      return out;
    },
  };
}

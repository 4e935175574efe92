// fetch-event-source's line reader, given a piece that ends inside a line, copies that
// line's start together with the whole next piece into a new buffer, and a fast
// stream's pieces nearly all end inside a line: the body was copied once more, into
// fresh memory, as it was read. Given pieces that end at line ends it copies nothing,
// and keeps nothing of them once it has read them.

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

function join(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export interface LineCutter {
  /** The pieces to read for `chunk`: its bytes in order, less a line not ended yet, kept for the next chunk. */
  cut(chunk: Uint8Array): Uint8Array[];
  /** The bytes kept back, at the body's end (a last line that never ended). */
  rest(): Uint8Array[];
}

/**
 * Cuts an event stream's pieces after their last line end (CR or LF: a CRLF cut
 * between the two is one line end to the reader). Every piece it gives ends at a line
 * end, and is a copy or a view of the chunk it was cut from (one view a chunk). Only
 * the line not ended yet is copied, joined to the next chunk's first line: nothing it
 * keeps is a view, and a chunk's memory may be written over once its pieces are read.
 */
export function lineCutter(): LineCutter {
  let kept: Uint8Array[] = [];
  return {
    cut(chunk) {
      const last = lastLineEnd(chunk);
      if (last === -1) {
        kept.push(chunk.slice());
        return [];
      }
      const pieces: Uint8Array[] = [];
      let from = 0;
      if (kept.length) {
        from = firstLineEnd(chunk) + 1;
        pieces.push(join([...kept, chunk.subarray(0, from)]));
        kept = [];
      }
      if (from <= last) pieces.push(chunk.subarray(from, last + 1));
      if (last + 1 < chunk.length) kept.push(chunk.slice(last + 1));
      return pieces;
    },
    rest() {
      const out = kept.length ? [join(kept)] : [];
      kept = [];
      return out;
    },
  };
}

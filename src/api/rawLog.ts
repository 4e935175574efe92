// Raw SSE events, kept compactly: a fast stream brings tens of thousands, and an
// object and a string for each would be as many allocations wherever they are kept
// or copied between threads.

/** A run of raw events: all their data in one string, `ends` saying where each one's ends. */
export interface RawChunk {
  /** Arrival offsets, ms from the request. */
  at: ArrayLike<number>;
  ends: ArrayLike<number>;
  /**
   * The data, or its UTF-8 bytes as moved between threads: a page that never opens the
   * inspector never decodes them (copying megabytes of text into the page's heap cost
   * more of its main thread than anything but rendering).
   */
  data: string | Uint8Array;
  /** Event names, present only once some event had one. */
  names?: string[];
}

/** A chunk still being written to. */
export interface OpenChunk extends RawChunk {
  at: number[];
  ends: number[];
  data: string;
}

export interface RawEvent {
  at: number;
  event: string;
  data: string;
}

export const emptyChunk = (): OpenChunk => ({ at: [], ends: [], data: '' });

/** Appends one event to a chunk. */
export function pushRaw(chunk: OpenChunk, at: number, name: string, data: string): void {
  if (name && !chunk.names) chunk.names = chunk.at.map(() => '');
  chunk.names?.push(name);
  chunk.at.push(at);
  chunk.data += data;
  chunk.ends.push(chunk.data.length);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A finished chunk with its offsets in typed arrays and its data as UTF-8, and their
 * buffers: sent to another thread, the buffers are moved, not copied.
 */
export function sealChunk(chunk: OpenChunk): { chunk: RawChunk; buffers: ArrayBuffer[] } {
  const at = Float64Array.from(chunk.at);
  const ends = Uint32Array.from(chunk.ends);
  const data = encoder.encode(chunk.data);
  return { chunk: { ...chunk, at, ends, data }, buffers: [at.buffer, ends.buffer, data.buffer as ArrayBuffer] };
}

/** A chunk's data as text, decoded in place the first time it is read (`ends` count its characters). */
function textOf(chunk: RawChunk): string {
  if (typeof chunk.data !== 'string') chunk.data = decoder.decode(chunk.data);
  return chunk.data;
}

/** A chunk's j-th event. */
export function rawAt(chunk: RawChunk, j: number): RawEvent {
  return { at: chunk.at[j]!, event: chunk.names?.[j] ?? '', data: textOf(chunk).slice(j ? chunk.ends[j - 1] : 0, chunk.ends[j]) };
}

/** Every raw event of one stream, as chunks; read one event at a time (the inspector's list is virtualized). */
export class RawLog {
  private readonly chunks: RawChunk[] = [];
  /** The index of each chunk's first event. */
  private readonly starts: number[] = [];
  /** The chunk that events given one by one go into; always the last one. */
  private open: OpenChunk | undefined;
  length = 0;

  push(at: number, name: string, data: string): void {
    if (!this.open) {
      this.open = emptyChunk();
      this.starts.push(this.length);
      this.chunks.push(this.open);
    }
    pushRaw(this.open, at, name, data);
    this.length++;
  }

  append(chunk: RawChunk): void {
    if (!chunk.at.length) return;
    this.open = undefined;
    this.starts.push(this.length);
    this.chunks.push(chunk);
    this.length += chunk.at.length;
  }

  get(i: number): RawEvent {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return rawAt(this.chunks[lo]!, i - this.starts[lo]!);
  }
}

// Raw SSE events, kept compactly: a fast stream brings tens of thousands, and an
// object and a string for each would be as many allocations wherever they are kept
// or copied between threads.
import { sseReader } from '../sse';
import { expandRuns } from './textRuns';

/** A run of raw events: all their data in one string, `ends` saying where each one's ends. */
export interface RawChunk {
  /** Arrival offsets, ms from the request. */
  at: ArrayLike<number>;
  ends: ArrayLike<number>;
  data: string;
  /** Event names, present only once some event had one. */
  names?: string[];
}

/** A chunk still being written to. */
export interface OpenChunk extends RawChunk {
  at: number[];
  ends: number[];
}

/**
 * An event stream's bytes as they arrived, in pieces: the stream worker sends these
 * instead of its events (moving bytes costs neither thread anything per event), and
 * the events are read from them, with the reader the stream itself was read with,
 * only when the inspector asks for them. A piece whose text runs were joined comes
 * joined, with its runs (see textRuns.ts), and is expanded back to its bytes only then:
 * a fraction of the size.
 */
export interface WireChunk {
  pieces: Uint8Array[];
  /** Each piece's runs, where its text runs were joined. */
  runs?: (Uint32Array | undefined)[];
  /** When each piece arrived (ms from the request). */
  at: ArrayLike<number>;
  /** How many events the stream's reader took from the stream while these bytes were collected. */
  events: number;
}

/**
 * Pieces of an event stream's bytes (with their runs, where joined) and when each
 * arrived, as a chunk, and the memory to move with it to another thread: the pieces'
 * own (not copied: the stream's reader gives only pieces it is done with, none sharing
 * memory with another; see stream.ts).
 */
export function wireChunk(
  pieces: Uint8Array[],
  at: number[],
  events: number,
  runs?: (Uint32Array | undefined)[],
): { chunk: WireChunk; buffers: ArrayBuffer[] } {
  const times = Float64Array.from(at);
  const buffers = new Set<ArrayBuffer>([times.buffer]);
  for (const part of [...pieces, ...(runs ?? [])]) if (part?.buffer instanceof ArrayBuffer) buffers.add(part.buffer);
  return { chunk: { pieces, at: times, events, ...(runs?.some(Boolean) && { runs }) }, buffers: [...buffers] };
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

/**
 * A finished chunk with its offsets in typed arrays, and their buffers: sent to
 * another thread, the buffers are moved, not copied number by number.
 */
export function sealChunk(chunk: OpenChunk): { chunk: RawChunk; buffers: ArrayBuffer[] } {
  const at = Float64Array.from(chunk.at);
  const ends = Uint32Array.from(chunk.ends);
  return { chunk: { ...chunk, at, ends }, buffers: [at.buffer, ends.buffer] };
}

/** A chunk's j-th event. */
function rawAt(chunk: RawChunk, j: number): RawEvent {
  return { at: chunk.at[j]!, event: chunk.names?.[j] ?? '', data: chunk.data.slice(j ? chunk.ends[j - 1] : 0, chunk.ends[j]) };
}

/** An event stream's bytes, taken piece by piece, with the events read from them so far. */
class WireEvents {
  /** The events read so far. */
  readonly events = emptyChunk();
  private readonly pending: WireChunk[] = [];
  private arrivedAt = 0;
  private readonly read = sseReader((message) => pushRaw(this.events, this.arrivedAt, message.event, message.data));

  take(chunk: WireChunk): void {
    this.pending.push(chunk);
  }

  /** Reads pieces until event `j` has been read, or no bytes are left. */
  readTo(j: number): void {
    while (this.events.at.length <= j && this.readChunk());
  }

  /** Reads chunks for about `ms` (at least one); whether all have been read. */
  readFor(ms: number): boolean {
    const start = performance.now();
    do if (!this.readChunk()) return true;
    while (performance.now() - start < ms);
    return !this.pending.length;
  }

  private readChunk(): boolean {
    const chunk = this.pending.shift();
    if (!chunk) return false;
    chunk.pieces.forEach((piece, k) => {
      const runs = chunk.runs?.[k];
      this.arrivedAt = chunk.at[k]!;
      this.read(runs ? expandRuns(piece, runs) : piece);
    });
    return true;
  }
}

/**
 * Every raw event of one stream, read one event at a time (the inspector's list is
 * virtualized): given one by one, in chunks, or as the stream's bytes (a stream's
 * events come either as events or as its bytes, not both).
 */
export class RawLog {
  private readonly chunks: RawChunk[] = [];
  /** The index of each chunk's first event. */
  private readonly starts: number[] = [];
  /** The chunk that events given one by one go into; always the last one. */
  private open: OpenChunk | undefined;
  private wire: WireEvents | undefined;
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

  /** Raw events in a chunk, and (or) the event stream's bytes. */
  append(chunk: RawChunk, wire?: WireChunk): void {
    if (wire) this.appendWire(wire);
    if (!chunk.at.length) return;
    this.open = undefined;
    this.starts.push(this.length);
    this.chunks.push(chunk);
    this.length += chunk.at.length;
  }

  private appendWire(chunk: WireChunk): void {
    if (!this.wire) {
      this.wire = new WireEvents();
      this.open = undefined;
      this.starts.push(this.length);
      this.chunks.push(this.wire.events);
    }
    this.wire.take(chunk);
    this.length += chunk.events;
  }

  /**
   * Reads events from the stream's bytes ahead of being asked, for about `ms`; whether
   * none are left to read. Read all at once, ten megabytes of events take a long task.
   */
  readAhead(ms: number): boolean {
    return this.wire?.readFor(ms) ?? true;
  }

  get(i: number): RawEvent {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    const chunk = this.chunks[lo]!;
    const j = i - this.starts[lo]!;
    if (chunk === this.wire?.events) this.wire.readTo(j);
    return rawAt(chunk, j);
  }
}

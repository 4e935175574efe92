import { describe, expect, it } from 'vitest';
import { emptyChunk, pushRaw, RawLog, wireChunk } from './rawLog';

describe('the raw event log', () => {
  it('reads back every event, whether pushed one by one or appended in chunks, in order', () => {
    const log = new RawLog();
    log.push(1, '', '{"a":1}');
    log.push(2, '', '');
    const chunk = emptyChunk();
    pushRaw(chunk, 3, '', 'x');
    pushRaw(chunk, 4, 'ping', 'y\nz');
    log.append(chunk);
    log.append(emptyChunk());
    log.push(5, 'error', '{"error":{}}');
    expect(log.length).toBe(5);
    expect(Array.from({ length: 5 }, (_, i) => log.get(i))).toEqual([
      { at: 1, event: '', data: '{"a":1}' },
      { at: 2, event: '', data: '' },
      { at: 3, event: '', data: 'x' },
      { at: 4, event: 'ping', data: 'y\nz' },
      { at: 5, event: 'error', data: '{"error":{}}' },
    ]);
  });

  it("reads events from the event stream's bytes, however they were cut, timed by the piece that completed each", () => {
    const wire = new TextEncoder().encode(
      'data: {"content":"naïve — 中文 😀"}\n\nevent: ping\ndata:\n\r\ndata: a\ndata: b\r\n\r\ndata: after the last event read\n\n',
    );
    // Cut inside multi-byte characters, inside a field name, and between \r and \n.
    const cuts = [0, 21, 38, 46, 57, 63, wire.length];
    const pieces = cuts.slice(1).map((end, k) => ({ bytes: wire.slice(cuts[k], end), at: 10 * (k + 1) }));
    const log = new RawLog();
    // Two batches; the reader had taken three events by the end of them (the fourth was never read).
    const batch = (from: number, to: number, events: number) => {
      const part = pieces.slice(from, to);
      log.append(
        emptyChunk(),
        wireChunk(
          part.map((p) => p.bytes),
          part.map((p) => p.at),
          events,
        ).chunk,
      );
    };
    batch(0, 3, 1);
    expect(log.length).toBe(1);
    batch(3, 6, 2);
    expect(log.length).toBe(3);
    expect([log.get(2), log.get(0), log.get(1)]).toEqual([
      { at: 60, event: '', data: 'a\nb' },
      { at: 30, event: '', data: '{"content":"naïve — 中文 😀"}' },
      { at: 50, event: 'ping', data: '' },
    ]);
  });

  it('reads events from the bytes ahead of being asked, a chunk or more at a time', () => {
    const log = new RawLog();
    const bytes = (text: string) => new TextEncoder().encode(text);
    for (const n of [1, 2, 3]) {
      log.append(emptyChunk(), wireChunk([bytes(`data: ${n}\n\n`)], [n], 1).chunk);
    }
    expect(log.readAhead(0)).toBe(false); // one chunk read, two left
    expect(log.readAhead(1000)).toBe(true);
    expect(log.readAhead(0)).toBe(true);
    expect([0, 1, 2].map((i) => log.get(i))).toEqual([1, 2, 3].map((n) => ({ at: n, event: '', data: String(n) })));
    expect(new RawLog().readAhead(0)).toBe(true);
  });

  it('keeps names only once an event has one', () => {
    const chunk = emptyChunk();
    pushRaw(chunk, 1, '', 'a');
    expect(chunk.names).toBeUndefined();
    pushRaw(chunk, 2, 'ping', 'b');
    expect(chunk.names).toEqual(['', 'ping']);
  });
});

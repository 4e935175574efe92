import { describe, expect, it } from 'vitest';
import { sseReader, type SseEvent } from './sse';

const enc = new TextEncoder();

function read(...chunks: (string | number[])[]): SseEvent[] {
  const out: SseEvent[] = [];
  const feed = sseReader((e) => out.push(e));
  for (const c of chunks) feed(typeof c === 'string' ? enc.encode(c) : Uint8Array.from(c));
  return out;
}

describe('sseReader (the WHATWG event-stream rules)', () => {
  it('dispatches only events with data: not for comments, extra blank lines or data-less events', () => {
    expect(read(': comment\n\n\n\nevent: error\n\nid: 7\n\nretry: 10\n\ndata: x\n\n')).toEqual([{ event: '', data: 'x' }]);
  });

  it('joins data lines with "\\n" exactly, an empty first line included; a bare `data` is an empty value', () => {
    expect(read('data:\ndata: x\n\n', 'data\n\n', 'data: a\ndata:  b\n\n')).toEqual([
      { event: '', data: '\nx' },
      { event: '', data: '' },
      { event: '', data: 'a\n b' },
    ]);
  });

  it('reads LF, CR and CRLF alike, split anywhere, and names events', () => {
    const text = 'event: ping\r\ndata: 1\r\n\r\ndata: 2\r\rdata: 3\n\n';
    const whole = read(text);
    expect(whole).toEqual([
      { event: 'ping', data: '1' },
      { event: '', data: '2' },
      { event: '', data: '3' },
    ]);
    for (let cut = 1; cut < text.length; cut++) expect(read(text.slice(0, cut), text.slice(cut))).toEqual(whole);
  });

  it('skips a byte-order mark at the start of the stream only', () => {
    const bom = [0xef, 0xbb, 0xbf];
    expect(read([...bom, ...enc.encode('data: a\n\n')])).toEqual([{ event: '', data: 'a' }]);
    // later, a line that starts with one is a field named "\uFEFFdata": not data
    expect(read('data: a\n\n', [...bom, ...enc.encode('data: b\n\n')], 'data: c\n\n').map((e) => e.data)).toEqual(['a', 'c']);
    // and one in a value is kept
    expect(read('data: ', [...bom, ...enc.encode('x\n\n')])).toEqual([{ event: '', data: '\uFEFFx' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { emptyChunk, pushRaw, RawLog, sealChunk } from './rawLog';

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

  it('reads a sealed chunk (its data as UTF-8, as sent between threads) back as it was written', () => {
    const chunk = emptyChunk();
    pushRaw(chunk, 1, '', '{"content":"naïve — 中文 😀"}');
    pushRaw(chunk, 2, 'ping', '');
    pushRaw(chunk, 3, '', 'x\ny');
    const sealed = sealChunk(chunk);
    expect(sealed.chunk.data).toBeInstanceOf(Uint8Array);
    expect(sealed.buffers).toHaveLength(3);
    const log = new RawLog();
    log.append(sealed.chunk);
    expect([log.get(2), log.get(0), log.get(1)]).toEqual([
      { at: 3, event: '', data: 'x\ny' },
      { at: 1, event: '', data: '{"content":"naïve — 中文 😀"}' },
      { at: 2, event: 'ping', data: '' },
    ]);
  });

  it('keeps names only once an event has one', () => {
    const chunk = emptyChunk();
    pushRaw(chunk, 1, '', 'a');
    expect(chunk.names).toBeUndefined();
    pushRaw(chunk, 2, 'ping', 'b');
    expect(chunk.names).toEqual(['', 'ping']);
  });
});

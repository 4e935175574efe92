import { getLines } from '@microsoft/fetch-event-source/lib/esm/parse';
import { describe, expect, it } from 'vitest';
import { lineCutter } from './lineCutter';

const join = (pieces: Uint8Array[]) => Uint8Array.from(pieces.flatMap((p) => [...p]));

/** The lines fetch-event-source's reader takes from `pieces`, as text with their field lengths. */
function linesOf(pieces: Uint8Array[]): string[] {
  const out: string[] = [];
  const read = getLines((line, fieldLength) => out.push(`${fieldLength}:${String.fromCharCode(...line)}`));
  for (const piece of pieces) read(piece);
  return out;
}

describe('lineCutter', () => {
  it("cuts pieces after their last line end and joins what was kept to the next piece's first line", () => {
    const enc = new TextEncoder();
    const lines = lineCutter();
    const text = (pieces: Uint8Array[]) => pieces.map((p) => new TextDecoder().decode(p));
    expect(text(lines.cut(enc.encode('data: a\n\ndata: b')))).toEqual(['data: a\n\n']);
    expect(text(lines.cut(enc.encode('cd\n\ndata: e\n\ndata')))).toEqual(['data: bcd\n', '\ndata: e\n\n']);
    expect(text(lines.cut(enc.encode(': no line end yet')))).toEqual([]);
    expect(text(lines.cut(enc.encode('x\r')))).toEqual(['data: no line end yetx\r']);
    expect(text(lines.cut(enc.encode('\ntail')))).toEqual(['\n']);
    expect(text(lines.rest())).toEqual(['tail']);
    expect(lines.rest()).toEqual([]);
  });

  it('property: the reader takes the same lines from the cut pieces as from the pieces, and no byte is lost', async () => {
    const fc = await import('fast-check');
    const byte = fc.constantFrom(10, 13, 58, 32, 97, 100, 0xc3, 0xa9);
    fc.assert(
      fc.property(fc.array(fc.array(byte, { maxLength: 12 }), { maxLength: 10 }), (chunks) => {
        const pieces = chunks.map((c) => Uint8Array.from(c));
        const lines = lineCutter();
        // Each chunk's memory written over (or moved to another thread) once its pieces
        // are read (here, copied): nothing kept for the next chunk may be a view of it.
        const reused = new Uint8Array(12);
        const given = pieces.flatMap((p) => {
          const chunk = reused.subarray(0, p.length);
          chunk.set(p);
          const cut = lines.cut(chunk);
          for (const piece of cut) expect(piece.buffer === reused.buffer || piece.byteLength === piece.buffer.byteLength).toBe(true);
          const read = cut.map((piece) => piece.slice());
          reused.fill(0x78);
          return read;
        });
        const cut = [...given, ...lines.rest()];
        expect(join(cut)).toEqual(join(pieces));
        expect(linesOf(cut)).toEqual(linesOf(pieces));
        // Every piece given ends a line.
        for (const piece of given) expect([10, 13]).toContain(piece[piece.length - 1]);
      }),
    );
  });
});

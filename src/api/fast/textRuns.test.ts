import { describe, expect, it } from 'vitest';
import { textTemplate } from '../chunk';
import { expandRuns, textRuns } from './textRuns';

const enc = new TextEncoder();
const dec = new TextDecoder();
const id = 'stream:chat:26e9c1d0-0000-4000-8000-000000000003';
const chunk = (delta: object, finish: string | null = null) =>
  JSON.stringify({ id, object: 'chat.completion', created: 1, model: '', choices: [{ index: 0, delta, finish_reason: finish }] });
const text = (t: string) => `data: ${chunk({ content: t })}\n\n`;

/** The pieces joined; and each one's runs, expanded, must give the piece back byte for byte. */
function joined(...pieces: string[]): { text: string[]; fewer: number[] } {
  const runs = textRuns(textTemplate);
  const out = pieces.map((p) => {
    const bytes = enc.encode(p);
    const result = runs.join(bytes);
    const copy = result.bytes.slice();
    bytes.fill(0x78); // the piece written over once joined: what was joined must not be a view of it
    expect(dec.decode(result.runs ? expandRuns(result.bytes, result.runs) : copy)).toBe(p);
    return { ...result, bytes: copy };
  });
  return { text: out.map((o) => dec.decode(o.bytes)), fewer: out.map((o) => o.fewer) };
}

describe('textTemplate', () => {
  it('finds the text in a text-only event, and nothing in any other', () => {
    expect(textTemplate(chunk({ content: 'abc' }))).toEqual({
      head: chunk({ content: 'abc' }).split('abc')[0],
      tail: chunk({ content: 'abc' }).split('abc')[1],
    });
    expect(textTemplate(chunk({ reasoning_content: 'x"y' }))).toBeDefined();
    expect(textTemplate(chunk({ content: '' }))).toBeUndefined();
    expect(textTemplate(chunk({ content: 'stop' }, 'stop'))).toBeUndefined();
    expect(textTemplate(chunk({ tool_calls: [{ index: 0, function: { arguments: 'abc' } }] }))).toBeUndefined();
    // The text written twice (here as the id too): which one is the text is not guessed.
    expect(textTemplate(JSON.stringify({ id: 'ab', choices: [{ delta: { content: 'ab' } }] }))).toBeUndefined();
    // Written otherwise than JSON.stringify writes it: not found.
    expect(textTemplate('{"choices":[{"delta":{"content":"\\u00e9"}}]}')).toBeUndefined();
  });
});

describe('textRuns', () => {
  it('joins a run of text-only events into one, escapes and all', () => {
    const out = joined(
      `data: ${chunk({ role: 'assistant', content: '' })}\n\n` +
        text('Hel') +
        text('lo "you"') +
        text('\n😀') +
        `data: ${chunk({}, 'stop')}\n\n`,
    );
    expect(out.fewer).toEqual([2]);
    expect(out.text[0]).toBe(
      `data: ${chunk({ role: 'assistant', content: '' })}\n\n` + text('Hello "you"\n😀') + `data: ${chunk({}, 'stop')}\n\n`,
    );
  });

  it('never joins bodies into a character that neither event held (a split UTF-8 sequence)', () => {
    const bytesOf = (t: string | number[]) => (typeof t === 'string' ? [...enc.encode(t)] : t);
    const event = (body: string | number[]) => [
      ...enc.encode(text('\u0001').split('\\u0001')[0]!),
      ...bytesOf(body),
      ...enc.encode(text('\u0001').split('\\u0001')[1]!),
    ];
    // 你 is e4 bd a0: one event ends inside it, the next begins with its rest
    const piece = Uint8Array.from([...event('a'), ...event('b'), ...event([0x63, 0xe4, 0xbd]), ...event([0xa0, 0x64]), ...event('e')]);
    const oneByOne = dec.decode(piece);
    const result = textRuns(textTemplate).join(piece.slice());
    const read = dec.decode(result.bytes);
    expect(read).not.toContain('你');
    expect(read.match(/\uFFFD/g)).toHaveLength((oneByOne.match(/\uFFFD/g) ?? []).length);
    expect(result.fewer).toBe(1); // a and b still join
  });

  it('joins only events whose whole text is one JSON string: not one that fits the template around more', () => {
    const more = `data: ${chunk({ content: 'x', reasoning_content: 'r' })}\n\n`;
    expect(joined(text('a') + text('b') + more + text('c') + text('d')).text[0]).toBe(text('ab') + more + text('cd'));
  });

  it('leaves alone what is not a run of one-line events: named, with an id, of two data lines, and heartbeats between', () => {
    const piece =
      text('a') +
      `event: ping\n${text('b')}` +
      `id: 4\n${text('c')}` +
      `data: ${chunk({ content: 'd' })}\n${text('e')}` +
      text('f') +
      ': keep-alive\n\n' +
      text('g');
    expect(joined(piece)).toEqual({ text: [piece], fewer: [0] });
  });

  it('does not join into the rest of an event begun in the piece before', () => {
    // The piece before ended inside an event named ping: its data line is that event's.
    const out = joined('event: ping\n', text('a') + text('b') + text('c'));
    expect(out.text[1]).toBe(text('a') + text('bc'));
    expect(out.fewer).toEqual([0, 1]);
    // A blank line first ends that event: what follows starts afresh.
    expect(joined('event: ping\n', '\n' + text('a') + text('b')).text[1]).toBe('\n' + text('ab'));
  });

  it('joins nothing in a stream whose lines end in CR', () => {
    const piece = (text('a') + text('b')).replace(/\n/g, '\r\n');
    expect(joined(text('x') + text('y'), piece, text('z') + text('w')).fewer).toEqual([1, 0, 0]);
  });

  it('learns again when the template changes, and stops trying where events are not text', () => {
    const other = (t: string) => `data: ${JSON.stringify({ id: 'other', choices: [{ delta: { content: t } }] })}\n\n`;
    expect(joined(text('a') + text('b') + other('c') + other('d')).text[0]).toBe(text('ab') + other('cd'));
    const tool = (t: string) => `data: ${chunk({ tool_calls: [{ index: 0, function: { arguments: t } }] })}\n\n`;
    const tools = Array.from({ length: 200 }, (_, i) => tool(String(i))).join('');
    // After the tool calls, text is joined again once a try comes round (they back off, but not forever).
    const out = joined(tools, Array.from({ length: 300 }, () => text('x')).join(''));
    expect(out.fewer[0]).toBe(0);
    expect(out.fewer[1]).toBeGreaterThan(0);
  });

  it('stops learning, all but now and then, from a server whose every event differs around its text', () => {
    let tries = 0;
    const counting = (data: string) => (tries++, textTemplate(data));
    const varying = Array.from(
      { length: 2000 },
      (_, i) => `data: ${JSON.stringify({ id, created: i, choices: [{ index: 0, delta: { content: 'x' } }] })}\n\n`,
    ).join('');
    const out = textRuns(counting).join(enc.encode(varying));
    expect(out.fewer).toBe(0);
    expect(tries).toBeLessThan(40);
    // And a steady stream after it is joined again once a try comes round.
    tries = 0;
    const runs = textRuns(counting);
    expect(runs.join(enc.encode(Array.from({ length: 300 }, () => text('x')).join(''))).fewer).toBe(299);
    expect(tries).toBe(1);
  });
});

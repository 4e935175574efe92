import { beforeAll, describe, expect, it } from 'vitest';
import { newAccumulator, accumulate, type ReplyAccumulator } from '../store/replyAccumulator';
import type { ChatRequest } from './request';
import { emptyChunk, RawLog, wireChunk } from './fast/rawLog';
import { streamChat, type StreamEvent, type StreamOutcome } from './stream';

// fetch-event-source reaches for `window` and `document`; Node has neither.
beforeAll(() => {
  const g = globalThis as Record<string, unknown>;
  g.window ??= globalThis;
  g.document ??= { hidden: false, addEventListener() {}, removeEventListener() {} };
});

const request: ChatRequest = {
  url: 'http://sim.test/v1/chat/completions',
  headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
  body: { model: 'bitseek-auto', stream: true, messages: [{ role: 'user', content: 'hi' }], temperature: 0.7 },
};

const enc = new TextEncoder();

/** A recorded Bitseek stream: `object` chat.completion, empty model, no [DONE]. */
function bitseekWire(deltas: string[], eol = '\n'): string {
  const id = 'stream:chat:26e9c1d0-0000-4000-8000-000000000001';
  const events = deltas.map(
    (d) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion', created: 1773042793, model: '', choices: [{ index: 0, delta: { content: d }, finish_reason: null }] })}`,
  );
  events.push(
    `data: ${JSON.stringify({ id, object: 'chat.completion', created: 1773042793, model: '', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}`,
  );
  return events.map((e) => e + eol + eol).join('');
}

interface FakeResponse {
  chunks?: Uint8Array[];
  status?: number;
  headers?: Record<string, string>;
  /** Error the body after sending the chunks (a dropped connection). */
  dropAfterChunks?: boolean;
  /** Never end the body (a server that stays open). */
  hang?: boolean;
  body?: string;
}

function fakeFetch(spec: FakeResponse, calls: { count: number }): typeof fetch {
  return async (_input, init) => {
    calls.count += 1;
    const signal = init?.signal ?? undefined;
    const headers = spec.headers ?? { 'content-type': 'text/event-stream' };
    if (spec.body !== undefined) return new Response(spec.body, { status: spec.status ?? 200, headers });
    const queue = [...(spec.chunks ?? [])];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        signal?.addEventListener('abort', () => {
          try {
            controller.error(new DOMException('aborted', 'AbortError'));
          } catch {
            // already closed
          }
        });
      },
      // one chunk per read, as a network delivers them; errors only after all were read
      pull(controller) {
        const next = queue.shift();
        if (next) controller.enqueue(next);
        else if (spec.dropAfterChunks) controller.error(new TypeError('network error'));
        else if (!spec.hang) controller.close();
        else return new Promise<void>(() => {});
      },
    });
    return new Response(stream, { status: spec.status ?? 200, headers });
  };
}

interface Run {
  outcome: StreamOutcome;
  reply: ReplyAccumulator;
  events: StreamEvent[];
  calls: number;
}

async function run(
  spec: FakeResponse,
  extra: { signal?: AbortSignal; firstByteTimeoutMs?: number; finishGraceMs?: number } = {},
): Promise<Run> {
  const calls = { count: 0 };
  const reply = newAccumulator();
  const events: StreamEvent[] = [];
  const outcome = await streamChat(request, {
    ...extra,
    fetch: fakeFetch(spec, calls),
    onEvent(event) {
      events.push(event);
      accumulate(reply, event);
    },
  });
  return { outcome, reply, events, calls: calls.count };
}

/** What a person would see of a finished stream. */
function seen(r: Run) {
  return {
    outcome: r.outcome.status,
    content: r.reply.content,
    reasoning: r.reply.reasoning,
    toolCalls: r.reply.toolCalls,
    finishReason: r.reply.finishReason,
    streamId: r.reply.streamId,
    warnings: r.reply.warnings,
  };
}

function splitAt(bytes: Uint8Array, ...cuts: number[]): Uint8Array[] {
  const points = [0, ...cuts, bytes.length];
  return points.slice(1).map((end, i) => bytes.slice(points[i], end));
}

/** The chunks as views of one buffer holding them all. */
function viewsOfOne(chunks: Uint8Array[]): Uint8Array[] {
  const all = new Uint8Array(chunks.reduce((size, c) => size + c.length, 0));
  let at = 0;
  return chunks.map((c) => {
    all.set(c, at);
    return all.subarray(at, (at += c.length));
  });
}

/** The raw events a stream reported one by one. */
const rawEventsOf = (events: StreamEvent[]) => events.flatMap((e) => (e.type === 'raw' ? [{ event: e.event, data: e.data }] : []));

/**
 * Streams `chunks` as the worker reads them: raw events as the stream's bytes, each piece
 * moved away as it comes (as the worker moves them to the page: a piece the reader still
 * used would be lost to it), and read back from those bytes as the inspector reads them.
 */
async function runAsWire(
  chunks: Uint8Array[],
  views = false,
): Promise<{ outcome: StreamOutcome; reply: ReplyAccumulator; raw: { event: string; data: string }[] }> {
  const pieces: Uint8Array[] = [];
  const runs: (Uint32Array | undefined)[] = [];
  let events = 0;
  const reply = newAccumulator();
  const move = <T extends Uint8Array | Uint32Array>(part: T): T => structuredClone(part, { transfer: [part.buffer as ArrayBuffer] });
  const outcome = await streamChat(request, {
    // Where asked, the chunks are views of one buffer, as some streams give them: moving one would take the others.
    fetch: fakeFetch({ chunks: views ? viewsOfOne(chunks) : chunks }, { count: 0 }),
    onEvent: (e) => void accumulate(reply, e),
    wire: {
      bytes: (piece, _at, joined, pieceRuns) => {
        pieces.push(move(piece));
        runs.push(pieceRuns && move(pieceRuns));
        events += joined;
      },
      event: () => events++,
    },
  });
  const log = new RawLog();
  log.append(
    emptyChunk(),
    wireChunk(
      pieces,
      pieces.map(() => 0),
      events,
      runs,
    ).chunk,
  );
  return { outcome, reply, raw: Array.from({ length: log.length }, (_, i) => log.get(i)).map(({ event, data }) => ({ event, data })) };
}

describe('streamChat on recorded Bitseek wire bytes', () => {
  const deltas = ['Hello', ', wor', 'ld — ', '你好', '🌏', ' done.'];

  it('reads text deltas, the stream id and a finish without [DONE]', async () => {
    const r = await run({ chunks: [enc.encode(bitseekWire(deltas))] });
    expect(seen(r)).toMatchObject({
      outcome: 'complete',
      content: 'Hello, world — 你好🌏 done.',
      finishReason: 'stop',
      streamId: 'stream:chat:26e9c1d0-0000-4000-8000-000000000001',
      warnings: [],
    });
    expect(r.reply.model).toBeUndefined(); // Bitseek sends model ""
    expect(r.calls).toBe(1);
  });

  it('gives one identical result however the bytes are split, with LF, CR and CRLF line endings', async () => {
    for (const eol of ['\n', '\r', '\r\n']) {
      const bytes = enc.encode(bitseekWire(deltas, eol));
      const whole = seen(await run({ chunks: [bytes] }));
      expect(whole.content).toBe('Hello, world — 你好🌏 done.');
      // every single cut position, which includes every position inside a multi-byte character
      for (let cut = 1; cut < bytes.length; cut++) {
        expect(seen(await run({ chunks: splitAt(bytes, cut) }))).toEqual(whole);
      }
      // and one byte at a time
      const oneByOne = Array.from(bytes, (b) => new Uint8Array([b]));
      expect(seen(await run({ chunks: oneByOne }))).toEqual(whole);
    }
  });

  it('splits a multi-byte character across chunks without corrupting it', async () => {
    const bytes = enc.encode(bitseekWire(['你', '🌏']));
    const at = bytes.indexOf(0xe4) + 1; // inside 你 (e4 bd a0)
    const r = await run({ chunks: splitAt(bytes, at, at + 1) });
    expect(r.reply.content).toBe('你🌏');
    expect(r.reply.content).not.toContain('\uFFFD');
  });

  it('keeps a last event that the server closed without a blank line', async () => {
    for (const [eol, cut] of [
      ['\n', '\n'],
      ['\r\n', '\r\n'],
      ['\r', '\r'],
      ['\n', '\n\n'],
      ['\r\n', '\r\n\r\n'],
      ['\r', '\r\r'],
    ]) {
      const wire = bitseekWire(['A', 'B'], eol!);
      const r = await run({ chunks: [enc.encode(wire.slice(0, wire.length - cut!.length))] });
      expect(seen(r)).toMatchObject({ outcome: 'complete', content: 'AB', finishReason: 'stop' });
      expect(r.events.filter((e) => e.type === 'raw')).toHaveLength(3);
    }
  });

  it('adds no event to a stream that ended properly', async () => {
    for (const eol of ['\n', '\r', '\r\n']) {
      const r = await run({ chunks: [enc.encode(bitseekWire(['A', 'B'], eol))] });
      expect(r.events.filter((e) => e.type === 'raw')).toHaveLength(3);
    }
  });
});

describe('the shapes other OpenAI-compatible servers send', () => {
  const openAi = [
    {
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      model: 'gpt-x',
      choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }],
    },
    {
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      model: 'gpt-x',
      choices: [{ index: 0, delta: { reasoning_content: 'Think' }, finish_reason: null }],
    },
    {
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      model: 'gpt-x',
      choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }],
    },
    { id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'gpt-x', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
    {
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      model: 'gpt-x',
      choices: [],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    },
  ];
  const wire = (objs: unknown[], tail = 'data: [DONE]\n\n') =>
    enc.encode(objs.map((o) => `data: ${JSON.stringify(o)}\n\n`).join('') + tail);

  it('reads a role-only first chunk, reasoning, a usage chunk with empty choices, and [DONE]', async () => {
    const r = await run({ chunks: [wire(openAi)], hang: true });
    expect(seen(r)).toMatchObject({ outcome: 'complete', content: 'Hi', reasoning: 'Think', finishReason: 'stop' });
    expect(r.reply.model).toBe('gpt-x');
    expect(r.reply.usage).toEqual({ promptTokens: 3, completionTokens: 2, totalTokens: 5 });
  });

  it('closes a stream that stays open after finish_reason', async () => {
    const r = await run({ chunks: [wire(openAi.slice(0, 4), '')], hang: true }, { finishGraceMs: 20 });
    expect(seen(r)).toMatchObject({ outcome: 'complete', content: 'Hi' });
  });

  it('merges interleaved tool-call deltas by index', async () => {
    const tc = (index: number, fn: Record<string, string>, id?: string) => ({
      choices: [{ index: 0, delta: { tool_calls: [{ index, ...(id ? { id, type: 'function' } : {}), function: fn }] } }],
    });
    const r = await run({
      chunks: [
        wire(
          [
            tc(0, { name: 'get_weather', arguments: '' }, 'call_a'),
            tc(1, { name: 'get_time', arguments: '' }, 'call_b'),
            tc(0, { arguments: '{"city":' }),
            tc(1, { arguments: '{"tz":"UTC"}' }),
            tc(0, { arguments: '"Singapore"}' }),
            { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
          ],
          '',
        ),
      ],
    });
    expect(seen(r)).toMatchObject({ outcome: 'complete', finishReason: 'tool_calls' });
    expect(r.reply.toolCalls).toEqual([
      { index: 0, id: 'call_a', type: 'function', name: 'get_weather', arguments: '{"city":"Singapore"}' },
      { index: 1, id: 'call_b', type: 'function', name: 'get_time', arguments: '{"tz":"UTC"}' },
    ]);
  });

  it('shows a refusal apart from the text', async () => {
    const r = await run({ chunks: [wire([{ choices: [{ delta: { refusal: 'I cannot help with that.' }, finish_reason: 'stop' }] }], '')] });
    expect(r.reply.refusal).toBe('I cannot help with that.');
    expect(r.reply.content).toBe('');
  });

  it('skips heartbeats, comments and events with empty data', async () => {
    const bytes = enc.encode(`: keep-alive\n\ndata:\n\n${bitseekWire(['x'])}: ping\n\n`);
    const r = await run({ chunks: [bytes] });
    expect(seen(r)).toMatchObject({ outcome: 'complete', content: 'x', warnings: [] });
  });

  it('does not fail the turn on an `event: error` with no data (never dispatched), and lists only the events held', async () => {
    const bytes = enc.encode(`event: error\n\n: comment\n\n\n${bitseekWire(['ok'])}`);
    const r = await run({ chunks: [bytes] });
    expect(seen(r)).toMatchObject({ outcome: 'complete', content: 'ok', warnings: [] });
    expect(rawEventsOf(r.events)).toHaveLength(2);
    const wire = await runAsWire([bytes]);
    expect(wire.outcome.status).toBe('complete');
    expect(wire.raw).toEqual(rawEventsOf(r.events));
  });

  it('ignores unknown event types, never acting on them', async () => {
    const sneaky = JSON.stringify({ choices: [{ delta: { content: 'INJECTED' } }] });
    const bytes = enc.encode(`event: ping\ndata: ${sneaky}\n\n{"x":1}\n\ndata: {"type":"ping"}\n\n${bitseekWire(['ok'])}`);
    const r = await run({ chunks: [bytes] });
    expect(seen(r)).toMatchObject({ outcome: 'complete', content: 'ok', warnings: [] });
  });

  it('keeps going past an event that is not valid JSON, and says so', async () => {
    const wire = bitseekWire(['a', 'b']).replace('\n\n', '\n\ndata: {"choices": [oops\n\n');
    const r = await run({ chunks: [enc.encode(wire)] });
    expect(seen(r)).toMatchObject({ outcome: 'complete', content: 'ab' });
    expect(r.reply.warnings).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('not valid JSON'),
        said: expect.objectContaining({ key: 'skippedEvent' }),
      }),
    ]);
  });

  it('shows the reply of a server that ignores stream and answers application/json', async () => {
    const body = JSON.stringify({
      id: 'chatcmpl-2',
      object: 'chat.completion',
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Whole reply' }, finish_reason: 'stop' }],
    });
    const r = await run({ body, headers: { 'content-type': 'application/json' } });
    expect(seen(r)).toMatchObject({ outcome: 'complete', content: 'Whole reply', finishReason: 'stop' });
  });
  it('fails, saying so, when a 200 application/json body is not JSON', async () => {
    const r = await run({ body: 'upstream said hi', headers: { 'content-type': 'application/json' } });
    expect(r.outcome).toMatchObject({ status: 'failed', error: { kind: 'protocol' } });
    expect(r.outcome.status === 'failed' && r.outcome.error.message).toContain('not: upstream said hi');
  });

  it('reads media types in any case, with parameters', async () => {
    const r = await run({ chunks: [enc.encode(bitseekWire(['Case']))], headers: { 'content-type': 'Text/Event-Stream; Charset=UTF-8' } });
    expect(seen(r)).toMatchObject({ outcome: 'complete', content: 'Case' });
  });
});

describe('failures keep what arrived and never re-send', () => {
  it('fails with the status and JSON error.message of an HTTP error, without retrying', async () => {
    const r = await run({ status: 401, headers: { 'content-type': 'application/json' }, body: '{"error":{"message":"Invalid API key"}}' });
    expect(r.outcome).toMatchObject({ status: 'failed', error: { kind: 'http', status: 401 } });
    expect(r.outcome.status === 'failed' && r.outcome.error.message).toMatch(/HTTP 401.*Invalid API key.*API key in Settings/);
    expect(r.calls).toBe(1);
  });

  it('shows the message of an HTTP error sent as an event stream', async () => {
    const body = enc.encode('data: {"error":{"message":"Tool call call_1 has no tool result"}}\n\n');
    const r = await run({
      status: 400,
      headers: { 'content-type': 'text/event-stream' },
      chunks: [body.slice(0, 20), body.slice(20)],
    });
    expect(r.outcome).toMatchObject({ status: 'failed', error: { kind: 'http', status: 400 } });
    expect(r.outcome.status === 'failed' && r.outcome.error.message).toBe('HTTP 400: Tool call call_1 has no tool result');
  });

  it('reads an HTML gateway page and a text body into the message', async () => {
    const html = await run({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad</h1></body></html>',
    });
    expect(html.outcome.status === 'failed' && html.outcome.error.message).toBe('HTTP 502: 502 Bad Gateway');
    const text = await run({ status: 500, headers: { 'content-type': 'text/plain' }, body: 'upstream exploded' });
    expect(text.outcome.status === 'failed' && text.outcome.error.message).toBe('HTTP 500: upstream exploded');
  });

  it('says when to retry after a 429', async () => {
    const r = await run({
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '7' },
      body: '{"error":{"message":"Slow down"}}',
    });
    expect(r.outcome).toMatchObject({ status: 'failed', error: { status: 429, retryAfter: '7' } });
    expect(r.outcome.status === 'failed' && r.outcome.error.message).toContain('Retry after 7 s');
  });

  it('ends on an {"error"} event, keeping the text before it', async () => {
    const wire = bitseekWire(['Partial ']).replace(
      /data: \{[^\n]*"finish_reason":"stop"[^\n]*\n\n$/,
      'data: {"error":{"message":"Prompt is required","code":4002}}\n\n',
    );
    const r = await run({ chunks: [enc.encode(wire + bitseekWire(['never']))] });
    expect(r.reply.content).toBe('Partial ');
    expect(r.outcome).toMatchObject({ status: 'failed', error: { kind: 'server' } });
    expect(r.outcome.status === 'failed' && r.outcome.error.message).toContain('Prompt is required (code 4002)');
  });

  it('marks a close without finish_reason as interrupted', async () => {
    const wire = bitseekWire(['Half a rep']).replace(/data: \{[^\n]*"finish_reason":"stop"[^\n]*\n\n$/, '');
    const r = await run({ chunks: [enc.encode(wire)] });
    expect(r.outcome).toMatchObject({ status: 'failed', error: { kind: 'interrupted' } });
    expect(r.reply.content).toBe('Half a rep');
  });

  it('says that no reply came, not that one was interrupted, when nothing of it arrived', async () => {
    const closed = await run({ chunks: [enc.encode(': keep-alive\n\n')] });
    expect(closed.outcome.status === 'failed' && closed.outcome.error.message).toBe(
      'The server closed the connection without sending any of the reply.',
    );
    const dropped = await run({ chunks: [enc.encode(': keep-alive\n\n')], dropAfterChunks: true });
    expect(dropped.outcome.status === 'failed' && dropped.outcome.error.message).toBe(
      'The connection was lost before any of the reply arrived.',
    );
  });

  it('reports a dropped connection as lost, keeping the partial reply, with one request', async () => {
    const wire = bitseekWire(['Some ', 'text']).replace(/data: \{[^\n]*"finish_reason":"stop"[^\n]*\n\n$/, '');
    const r = await run({ chunks: [enc.encode(wire)], dropAfterChunks: true });
    expect(r.outcome).toMatchObject({ status: 'failed', error: { kind: 'network' } });
    expect(r.outcome.status === 'failed' && r.outcome.error.message).toMatch(/Connection lost/);
    expect(r.reply.content).toBe('Some text');
    expect(r.calls).toBe(1);
  });

  it('fails a request whose fetch itself fails, once', async () => {
    const calls = { count: 0 };
    const outcome = await streamChat(request, {
      onEvent() {},
      fetch: async () => {
        calls.count += 1;
        throw new TypeError('Failed to fetch');
      },
    });
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'network' } });
    expect(calls.count).toBe(1);
  });

  it('rejects a 200 that is not an event stream (an HTML page)', async () => {
    const r = await run({ body: '<!doctype html><html></html>', headers: { 'content-type': 'text/html' } });
    expect(r.outcome).toMatchObject({ status: 'failed', error: { kind: 'protocol' } });
  });

  it('times out when no first byte arrives', async () => {
    const outcome = await streamChat(request, {
      onEvent() {},
      firstByteTimeoutMs: 30,
      fetch: (_i, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('a', 'AbortError')))),
    });
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
  });

  it('treats Stop as cancelled, not done, keeping the text', async () => {
    const controller = new AbortController();
    const calls = { count: 0 };
    const reply = newAccumulator();
    const outcome = await streamChat(request, {
      signal: controller.signal,
      fetch: fakeFetch({ chunks: [enc.encode(bitseekWire(['kept']).split('\n\n')[0] + '\n\n')], hang: true }, calls),
      onEvent(event) {
        accumulate(reply, event);
        if (event.type === 'text') controller.abort();
      },
    });
    expect(outcome.status).toBe('cancelled');
    expect(reply.content).toBe('kept');
    expect(calls.count).toBe(1);
  });
});

describe('the text-only fast path', () => {
  it('reads exactly what the schema reads', async () => {
    const { eventsFromJson, eventsFromSchema } = await import('./chunk');
    const samples: unknown[] = [
      { id: 'a', object: 'chat.completion', model: '', choices: [{ index: 0, delta: { content: 'x' }, finish_reason: null }] },
      { id: 'a', model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] },
      { choices: [{ index: 0, delta: { content: 'x', reasoning_content: 'r' } }] },
      { choices: [{ index: 0, delta: { content: 5 } }] },
      { id: 7, choices: [{ index: 0, delta: { content: 'x' } }] },
      { choices: [{ index: 0, delta: { content: 'x' }, finish_reason: 'stop' }] },
      { choices: [{ delta: { content: 'a' } }, { index: 1, delta: { content: 'b' } }] },
    ];
    for (const sample of samples) {
      expect(eventsFromJson(sample)).toEqual(eventsFromSchema(sample as Record<string, unknown>));
    }
  });
});

describe('property: any split of the wire bytes gives the same result as the whole', () => {
  it('holds for arbitrary text deltas, line endings and cut points', async () => {
    const fc = await import('fast-check');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r', '\r\n'),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (deltas, eol, rawCuts) => {
          const bytes = enc.encode(bitseekWire(deltas, eol));
          const cuts = [...new Set(rawCuts.map((c) => c % bytes.length))].filter((c) => c > 0).sort((a, b) => a - b);
          const whole = seen(await run({ chunks: [bytes] }));
          const split = seen(await run({ chunks: splitAt(bytes, ...cuts) }));
          expect(whole.content).toBe(deltas.join(''));
          expect(split).toEqual(whole);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("property: raw events as the stream's bytes read back as the raw events themselves", () => {
  it('holds for any deltas, line endings, cut points and endings (bytes past the end read, or a last line unterminated)', async () => {
    const fc = await import('fast-check');
    const endings = [
      '',
      'data: [DONE]\n\ndata: {"after":"the end"}\n\n',
      ': keep-alive\n\nevent: ping\ndata: {}\n\n',
      'data: {"no blank line":1}',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r', '\r\n'),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom(...endings),
        fc.boolean(),
        async (deltas, eol, rawCuts, ending, views) => {
          const bytes = enc.encode(bitseekWire(deltas, eol).replace(/data: [^\r\n]*"finish_reason":"stop"[^\r\n]*[\r\n]+$/, '') + ending);
          const cuts = [...new Set(rawCuts.map((c) => c % bytes.length))].filter((c) => c > 0).sort((a, b) => a - b);
          const oneByOne = rawEventsOf((await run({ chunks: splitAt(bytes, ...cuts) })).events);
          expect((await runAsWire(splitAt(bytes, ...cuts), views)).raw).toEqual(oneByOne);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('property: read as bytes, with text runs joined, a stream means what its events one by one mean', () => {
  it('holds for text, reasoning, tool calls, heartbeats, named and id-carrying events, escapes, any line ending and cut points', async () => {
    const fc = await import('fast-check');
    const id = 'stream:chat:26e9c1d0-0000-4000-8000-000000000002';
    const chunk = (delta: object, finish: string | null = null) =>
      JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created: 1,
        model: 'm',
        choices: [{ index: 0, delta, finish_reason: finish }],
      });
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', '"', '\\', '\n', '\r', '\t', '/', 'é', '中', '😀', '\u2028', '\u0001'),
      minLength: 0,
      maxLength: 6,
    });
    const event = fc.oneof(
      { weight: 8, arbitrary: text.map((t) => `data: ${chunk({ content: t })}`) },
      { weight: 2, arbitrary: text.map((t) => `data:${chunk({ reasoning_content: t })}`) },
      { weight: 1, arbitrary: text.map((t) => `data: ${chunk({ content: t }).replace(/"([^"]+)":/g, '"$1": ')}`) },
      { weight: 1, arbitrary: fc.constant(`data: ${chunk({ role: 'assistant', content: '' })}`) },
      {
        weight: 1,
        arbitrary: text.map(
          (t) => `data: ${chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: t } }] })}`,
        ),
      },
      {
        weight: 1,
        arbitrary: text.map(
          (t) => `data: ${chunk({ content: t }).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`,
        ),
      },
      // Fits the text's template around more than a text: `…"content":"` t `","reasoning_content":"r` `"},…`
      { weight: 3, arbitrary: text.map((t) => `data: ${chunk({ content: t, reasoning_content: 'r' })}`) },
      { weight: 1, arbitrary: fc.constant(': keep-alive') },
      { weight: 1, arbitrary: text.map((t) => `event: ping\ndata: ${chunk({ content: t })}`) },
      { weight: 1, arbitrary: text.map((t) => `id: 7\ndata: ${chunk({ content: t })}`) },
      { weight: 1, arbitrary: text.map((t) => `data: ${chunk({ content: t })}\ndata: ${chunk({ content: t })}`) },
    );
    const ending = `data: ${chunk({}, 'stop')}\n\ndata: ${JSON.stringify({ id, choices: [], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } })}\n\ndata: [DONE]\n\n`;
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 16 }),
        fc.boolean(),
        async (events, eol, rawCuts, views) => {
          const bytes = enc.encode((events.map((e) => `${e}\n\n`).join('') + ending).replace(/\n/g, eol));
          const cuts = [...new Set(rawCuts.map((c) => c % bytes.length))].filter((c) => c > 0).sort((a, b) => a - b);
          const oneByOne = await run({ chunks: splitAt(bytes, ...cuts) });
          const asWire = await runAsWire(splitAt(bytes, ...cuts), views);
          expect(seen({ ...asWire, events: [], calls: 1 })).toEqual(seen(oneByOne));
          expect(asWire.raw).toEqual(rawEventsOf(oneByOne.events));
        },
      ),
      { numRuns: 300 },
    );
  });
});

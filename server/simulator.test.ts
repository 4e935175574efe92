import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSimulatorIdentity } from '../src/domain/simulator.ts';
import { benchReply } from './benchReply.ts';
import { createSimulator } from './simulator.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  const simulator = createSimulator({ delayMs: 0 });
  server = createServer((req, res) => simulator(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const auth = { authorization: 'Bearer test-key', 'content-type': 'application/json' };

async function post(body: unknown, headers: Record<string, string> = auth) {
  return fetch(`${base}/chat/completions`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** The data lines of an SSE body, in order. */
async function dataLines(res: Response): Promise<string[]> {
  const text = await res.text();
  return text
    .split(/\r?\n/)
    .filter((l) => l.startsWith('data: '))
    .map((l) => l.slice(6));
}

const textOf = (lines: string[]) =>
  lines
    .filter((l) => l !== '[DONE]')
    .map((l) => JSON.parse(l).choices?.[0]?.delta?.content ?? '')
    .join('');

describe('the simulator speaks Bitseek', () => {
  it('streams chat.completion chunks with an empty model, a stream:chat id, finish_reason stop and no [DONE]', async () => {
    const res = await post({ model: 'bitseek-auto', stream: true, messages: [{ role: 'user', content: 'hello' }] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const lines = await dataLines(res);
    expect(lines).not.toContain('[DONE]');
    const chunks = lines.map((l) => JSON.parse(l));
    for (const c of chunks) {
      expect(c.object).toBe('chat.completion');
      expect(c.model).toBe('');
      expect(c.id).toMatch(/^stream:chat:[0-9a-f-]{36}$/);
    }
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks.at(-1).choices[0]).toEqual({ index: 0, delta: {}, finish_reason: 'stop' });
    expect(textOf(lines)).toContain('local Bitseek simulator');
  });

  it('answers 401 without a bearer token and 400 for a body without messages or with non-string content', async () => {
    const noAuth = await post({ messages: [{ role: 'user', content: 'x' }] }, { 'content-type': 'application/json' });
    expect(noAuth.status).toBe(401);
    expect((await noAuth.json()).error.message).toMatch(/bearer/i);
    const noMessages = await post({ model: 'm' });
    expect(noMessages.status).toBe(400);
    expect((await noMessages.json()).error).toMatchObject({ message: expect.stringMatching(/Prompt is required/), code: 4002 });
    const nonString = await post({ messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }] });
    expect(nonString.status).toBe(400);
    expect((await nonString.json()).error.message).toBe('messages[0].content must be a string.');
    const notJson = await fetch(`${base}/chat/completions`, { method: 'POST', headers: auth, body: '{oops' });
    expect(notJson.status).toBe(400);
  });

  it('remembers turns per X-Conversation-Id', async () => {
    const headers = { ...auth, 'x-conversation-id': 'conv-memory-test' };
    await dataLines(await post({ messages: [{ role: 'user', content: 'My name is Ada' }] }, headers));
    const lines = await dataLines(await post({ messages: [{ role: 'user', content: 'What was my first message?' }] }, headers));
    expect(textOf(lines)).toBe('Your first message in this conversation was: “My name is Ada”');
    const other = await dataLines(
      await post({ messages: [{ role: 'user', content: 'What was my first message?' }] }, { ...auth, 'x-conversation-id': 'conv-other' }),
    );
    expect(textOf(other)).toBe('Your first message in this conversation was: “What was my first message?”');
  });

  it('searches with normalized options and lists that many labelled sources', async () => {
    const lines = await dataLines(
      await post({
        messages: [{ role: 'user', content: 'rust news' }],
        enableWebSearch: 'true',
        webSearch: { mode: 'force', maxResults: 20, freshness: 'day', lang: 'en' },
      }),
    );
    const text = textOf(lines);
    expect(text).toContain('Web search (simulated)');
    expect(text).toContain('from the past day');
    expect(text.match(/^\d+\. \[Simulated result/gm)).toHaveLength(8);
    const off = textOf(
      await dataLines(
        await post({ messages: [{ role: 'user', content: 'rust news?' }], enableWebSearch: 0, webSearch: { enabled: true } }),
      ),
    );
    expect(off).not.toContain('Web search (simulated)');
  });

  it('says what it is at GET /simulator, without a key, as the app recognises it', async () => {
    const res = await fetch(`${base}/simulator`);
    expect(res.status).toBe(200);
    expect(isSimulatorIdentity(await res.json())).toBe(true);
    expect((await fetch(`${base}/simulator`, { method: 'POST' })).status).toBe(405);
  });

  it('injects faults asked for in X-Simulator', async () => {
    const limited = await post({ messages: [{ role: 'user', content: 'x' }] }, { ...auth, 'x-simulator': 'status=429, retry-after=7' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    const html = await post({ messages: [{ role: 'user', content: 'x' }] }, { ...auth, 'x-simulator': 'status=502, body=html' });
    expect(await html.text()).toContain('<title>502 Bad Gateway</title>');
    const dropped = await post({ messages: [{ role: 'user', content: 'x' }] }, { ...auth, 'x-simulator': 'drop-after=2' });
    await expect(dropped.text()).rejects.toThrow();
    const closed = await dataLines(await post({ messages: [{ role: 'user', content: 'x' }] }, { ...auth, 'x-simulator': 'close-after=2' }));
    expect(closed).toHaveLength(2);
    const withDone = await dataLines(await post({ messages: [{ role: 'user', content: 'x' }] }, { ...auth, 'x-simulator': 'done' }));
    expect(withDone.at(-1)).toBe('[DONE]');
  });

  it("takes its configured options for a request that sends none, and a request's own over them", async () => {
    const simulator = createSimulator({ delayMs: 0, options: 'chunk=4' });
    const configured = createServer((req, res) => simulator(req, res));
    await new Promise<void>((resolve) => configured.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = configured.address() as AddressInfo;
      const ask = (headers: Record<string, string>) =>
        fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: 'echo: abcdefghij' }] }),
        });
      const pieces = (lines: string[]) => lines.map((l) => JSON.parse(l).choices?.[0]?.delta?.content).filter(Boolean);
      expect(pieces(await dataLines(await ask(auth)))).toEqual(['abcd', 'efgh', 'ij']);
      expect(pieces(await dataLines(await ask({ ...auth, 'x-simulator': 'chunk=5' })))).toEqual(['abcde', 'fghij']);
    } finally {
      await new Promise<void>((resolve) => configured.close(() => resolve()));
    }
  });

  it('answers a body over its limit with a 413 the client can read, not a reset connection; the limit can be raised', async () => {
    const big = { messages: [{ role: 'user', content: 'x'.repeat(1.5 * 1024 * 1024) }] };
    const refused = await post(big);
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('larger than 1 MiB');
    const simulator = createSimulator({ delayMs: 0, maxBodyBytes: 4 * 1024 * 1024 });
    const roomy = createServer((req, res) => simulator(req, res));
    await new Promise<void>((resolve) => roomy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = roomy.address() as AddressInfo;
      const taken = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(big),
      });
      expect(taken.status).toBe(200);
      await taken.text();
    } finally {
      await new Promise<void>((resolve) => roomy.close(() => resolve()));
    }
  });

  it('without a delay, sends a long reply in writes of about 16 KB, not one a delta, every event intact', async () => {
    const writes: number[] = [];
    const simulator = createSimulator({ delayMs: 0 });
    const counting = createServer((req, res) => {
      const write = res.write.bind(res) as (chunk: string) => boolean;
      res.write = ((chunk: string) => (writes.push(Buffer.byteLength(chunk)), write(chunk))) as typeof res.write;
      simulator(req, res);
    });
    await new Promise<void>((resolve) => counting.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = counting.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
        method: 'POST',
        headers: { ...auth, 'x-simulator': 'chunk=4' },
        body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: 'benchmark reply' }] }),
      });
      const lines = await dataLines(res);
      expect(textOf(lines)).toBe(benchReply());
      expect(lines.length).toBe(Math.ceil(benchReply().length / 4) + 1);
      expect(writes.length).toBeLessThan(writes.reduce((a, b) => a + b, 0) / (16 * 1024) + 2);
      expect(Math.min(...writes.slice(0, -1))).toBeGreaterThanOrEqual(16 * 1024);
    } finally {
      await new Promise<void>((resolve) => counting.close(() => resolve()));
    }
  });
});

describe('the official openai SDK against the simulator', () => {
  const client = () => new OpenAI({ baseURL: base, apiKey: 'test-key' });

  it('streams text', async () => {
    const stream = await client().chat.completions.create({
      model: 'bitseek-auto',
      stream: true,
      messages: [{ role: 'user', content: 'echo: Hello from **the SDK**' }],
    });
    let text = '';
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe('Hello from **the SDK**');
    expect(finish).toBe('stop');
  });

  it('streams a tool call with arguments filled from the message', async () => {
    const stream = await client().chat.completions.create({
      model: 'bitseek-auto',
      stream: true,
      messages: [{ role: 'user', content: "What's the weather in Singapore?" }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Weather for a city',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        },
      ],
    });
    let name = '';
    let args = '';
    let id = '';
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      const call = chunk.choices[0]?.delta?.tool_calls?.[0];
      if (call?.id) id = call.id;
      name += call?.function?.name ?? '';
      args += call?.function?.arguments ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(name).toBe('get_weather');
    expect(id).toMatch(/^call_/);
    expect(JSON.parse(args)).toEqual({ city: 'Singapore' });
    expect(finish).toBe('tool_calls');
  });
});
